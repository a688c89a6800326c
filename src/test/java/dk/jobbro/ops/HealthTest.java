package dk.jobbro.ops;

import dk.jobbro.support.DefaultTestIdentity;
import dk.jobbro.support.TestIdentityProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health: a status for anyone, details for administrators only, and never a URL, port or user name. */
@MicronautTest
class HealthTest {

    @Inject
    @Client("/")
    HttpClient client;

    private String body(String token) {
        var request = HttpRequest.GET("/health");
        if (token != null) {
            request.bearerAuth(token);
        } else {
            request.header(DefaultTestIdentity.ANONYMOUS, "true");
        }
        try {
            return client.toBlocking().retrieve(request);
        } catch (HttpClientResponseException e) {
            return e.getStatus() + " " + e.getResponse().getBody(String.class).orElse("");
        }
    }

    private static String tokenFor(String role, Map<String, Object> claims) {
        return TestIdentityProvider.sign("health-" + role, List.of(role), claims, TestIdentityProvider.key(),
                Instant.now().plusSeconds(600));
    }

    @Test
    void anyoneGetsTheStatusAndNothingMore() {
        String anonymous = body(null);
        assertTrue(anonymous.contains("\"status\":\"UP\""), anonymous);
        assertFalse(anonymous.contains("details\":{"), anonymous);
        String employer = body(tokenFor("EMPLOYER", Map.of("employer_id", 1)));
        assertFalse(employer.contains("details\":{"), employer);
        String consultant = body(tokenFor("CONSULTANT", Map.of("jobcentres", List.of("Aarhus"))));
        assertFalse(consultant.contains("details\":{"), consultant);
    }

    @Test
    void anAdministratorSeesDatabaseAndIndexUpWithoutUrlPortOrUser() {
        String admin = body(tokenFor("ADMIN", Map.of()));
        assertTrue(admin.contains("\"database\":\"UP\""), admin);
        assertTrue(admin.contains("\"index\":\"UP\""), admin);
        for (String secret : List.of("jdbc", "mariadb:", "127.0.0.1", "localhost", "jobbro_test", "\"jobbro\"@",
                "username", "root")) {
            assertFalse(admin.contains(secret), () -> secret + " in " + admin);
        }
    }
}
