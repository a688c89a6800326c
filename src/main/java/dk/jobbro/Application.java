package dk.jobbro;

import dk.jobbro.db.StartupRefused;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** Starts the Jobbro service. */
@OpenAPIDefinition(info = @Info(title = "Jobbro", version = "v1",
        description = "Employer matching for Danish municipal employment services",
        license = @License(name = "MPL-2.0", url = "https://mozilla.org/MPL/2.0/")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A JWT from the identity provider with one Jobbro role in the roles claim")
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("rematch")) {
            dk.jobbro.rematch.RematchCommand.main(args);
            return;
        }
        try {
            Preflight.check();
        } catch (StartupRefused refused) {
            System.err.println("Jobbro does not start: " + refused.getMessage());
            System.exit(2);
        }
        Micronaut.run(Application.class, args);
    }
}
