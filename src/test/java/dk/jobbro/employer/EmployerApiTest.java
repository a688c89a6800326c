package dk.jobbro.employer;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
class EmployerApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void anEmployerCanBeCreatedReadAndReplaced() {
        HttpResponse<Map> created = http.toBlocking().exchange(HttpRequest.POST("/api/v1/employers", Map.of(
                "name", "Lager A/S", "cvr", "12345674",
                "address", Map.of("street", "Havnegade 1", "postcode", "8000", "city", "Aarhus C",
                        "latitude", 56.15, "longitude", 10.21),
                "ordinaryEmployees", 40)), Map.class);
        assertEquals(HttpStatus.CREATED, created.getStatus());
        Number id = (Number) created.body().get("id");
        Map<?, ?> read = http.toBlocking().retrieve(HttpRequest.GET("/api/v1/employers/" + id), Map.class);
        assertEquals("Lager A/S", read.get("name"));
        System.out.println(read);
    }

    @Test
    void anInvalidEmployerIsRejectedWithAProblemDocument() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () ->
                http.toBlocking().exchange(HttpRequest.POST("/api/v1/employers", Map.of(
                        "name", "", "cvr", "12", "address", Map.of("postcode", "80"), "ordinaryEmployees", -1)), Map.class));
        assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
        System.out.println(e.getResponse().getContentType() + " " + e.getResponse().getBody(String.class));
        HttpClientResponseException nf = assertThrows(HttpClientResponseException.class, () ->
                http.toBlocking().exchange(HttpRequest.GET("/api/v1/employers/999999"), Map.class));
        System.out.println(nf.getResponse().getContentType() + " " + nf.getResponse().getBody(String.class));
        assertTrue(nf.getResponse().getContentType().orElseThrow().toString().contains("problem"));
    }
}
