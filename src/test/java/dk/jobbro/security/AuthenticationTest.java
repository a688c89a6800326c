package dk.jobbro.security;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
class AuthenticationTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api() {
        return new Api(client);
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401AsAProblemDocument() {
        for (String path : List.of("/api/v1/citizens", "/api/v1/postings", "/api/v1/employers", "/api/v1/worklist?jobcentre=Aarhus",
                "/api/v1/postings/search?q=lager", "/api/v1/citizens/1/audit")) {
            api().anonymous().fails(HttpRequest.GET(path), HttpStatus.UNAUTHORIZED);
        }
        // No route: 404 for everyone, signed in or not; it reveals nothing.
        api().anonymous().fails(HttpRequest.GET("/api/v1/admin/anything"), HttpStatus.NOT_FOUND);
        api().anonymous().fails(HttpRequest.POST("/api/v1/citizens", Map.of()), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        assertEquals("UP", api().anonymous().get("/health").get("status"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = TestIdentityProvider.sign("mallory", List.of("ADMIN"), Map.of(),
                TestIdentityProvider.otherKey(), Instant.now().plusSeconds(3600));
        api().as(forged).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = TestIdentityProvider.sign("admin-1", List.of("ADMIN"), Map.of(),
                TestIdentityProvider.key(), Instant.now().minusSeconds(600));
        api().as(expired).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aGarbledTokenIsRefused() {
        api().as("not.a.jwt").fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
        api().as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQURNSU4iXX0.")
                .fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aValidTokenWithoutAJobbroRoleIsForbidden() {
        String noRole = TestIdentityProvider.token("someone", "VISITOR", Map.of());
        api().as(noRole).fails(HttpRequest.GET("/api/v1/citizens"), HttpStatus.FORBIDDEN);
        api().as(noRole).fails(HttpRequest.GET("/api/v1/postings"), HttpStatus.FORBIDDEN);
    }

    @Test
    void anAdministratorTokenIsAccepted() {
        api().as(TestIdentityProvider.admin()).getList("/api/v1/citizens");
    }
}
