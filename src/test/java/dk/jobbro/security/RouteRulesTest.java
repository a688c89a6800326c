package dk.jobbro.security;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route rules are decided on route templates, after routing, deny by default: every operation of every Jobbro
 * controller names its roles with {@code @Secured}, and the names are Jobbro roles. A new endpoint without a rule
 * fails here before anyone can call it (and is refused at run time if it slipped through).
 */
@MicronautTest
class RouteRulesTest {

    @Inject
    Router router;

    @Test
    void everyJobbroRouteNamesTheRolesThatMayCallIt() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            if (!route.getDeclaringType().getName().startsWith("dk.jobbro.")
                    || route.getUriMatchTemplate().toString().startsWith("/health")) {
                continue; // health is open to everyone by config/security.yml and shows details to ADMIN only
            }
            checked++;
            String name = route.getHttpMethod() + " " + route.getUriMatchTemplate();
            String[] secured = route.getAnnotationMetadata().stringValues(Secured.class);
            if (secured.length == 0) {
                wrong.add(name + ": no @Secured");
            }
            boolean publicDocument = name.endsWith(" /openapi/jobbro-v1.yml") || name.endsWith(" /swagger-ui");
            for (String role : secured) {
                // Signing in is the one thing done before one has a role (the sign-in page and the start page).
                boolean signIn = role.equals(SecurityRule.IS_ANONYMOUS)
                        && route.getDeclaringType().getName().equals("dk.jobbro.pages.SignInPages")
                        && !name.contains("logud");
                if (role.equals(SecurityRule.IS_ANONYMOUS) && publicDocument) {
                    continue; // the API's description is public; nothing else is
                }
                if (!roles.contains(role) && !signIn) {
                    wrong.add(name + ": " + role + " is no Jobbro role");
                }
            }
        }
        assertTrue(checked >= 35, checked + " routes");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void noMicronautManagementEndpointButHealthAndPrometheusIsReachable() {
        List<String> others = router.uriRoutes()
                .filter(r -> !r.getDeclaringType().getName().startsWith("dk.jobbro."))
                .map(r -> r.getUriMatchTemplate().toString())
                .filter(t -> !t.startsWith("/health") && !t.equals("/prometheus"))
                .distinct().toList();
        assertTrue(others.isEmpty(), "routes not ours: " + others);
    }
}
