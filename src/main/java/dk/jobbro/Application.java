package dk.jobbro;

import dk.jobbro.db.StartupRefused;
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
        try {
            Preflight.check();
        } catch (StartupRefused refused) {
            System.err.println("Jobbro does not start: " + refused.getMessage());
            System.exit(2);
        }
        Micronaut.run(Application.class, args);
    }
}
