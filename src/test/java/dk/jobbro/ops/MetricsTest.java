package dk.jobbro.ops;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prometheus metrics: the named series, for administrators only, with route templates and no personal data. */
@MicronautTest
class MetricsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void anAdministratorScrapesRequestLatencyByRouteMatchLatencyAndTheIndex() {
        Api admin = new Api(client).as(TestIdentityProvider.admin());
        long citizen = admin.id(admin.post("/api/v1/citizens", World.citizen().set("name", "Metrika Borger").build()));
        admin.get("/api/v1/citizens/" + citizen + "/matches");
        String text = client.toBlocking().retrieve(HttpRequest.GET("/prometheus")
                .bearerAuth(TestIdentityProvider.admin()), String.class);
        for (String series : new String[] {"jobbro_match_latency_seconds_bucket{direction=\"citizen-to-postings\"",
                "jobbro_index_documents", "jobbro_index_refresh_age_seconds", "jobbro_rematch_citizens_done",
                "jobbro_rematch_citizens_all",
                "uri=\"/api/v1/citizens/{id}/matches\""}) {
            assertTrue(text.contains(series), series + " in:\n" + text.substring(0, Math.min(2_000, text.length())));
        }
        assertTrue(!text.contains("/api/v1/citizens/" + citizen + "/") && !text.contains("Metrika"),
                "routes by template, never an id or a name");
    }

    @Test
    void noOneElseReadsTheMetrics() {
        new Api(client).as(TestIdentityProvider.consultant("Aarhus")).fails(HttpRequest.GET("/prometheus"),
                HttpStatus.FORBIDDEN);
        new Api(client).anonymous().fails(HttpRequest.GET("/prometheus"), HttpStatus.UNAUTHORIZED);
    }
}
