package dk.jobbro;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

/** Starts the Jobbro service. */
@OpenAPIDefinition(info = @Info(title = "Jobbro", version = "v1",
        description = "Employer matching for Danish municipal employment services"))
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rematch")) {
            dk.jobbro.rematch.RematchCommand.main(args);
            return;
        }
        Micronaut.run(Application.class, args);
    }
}
