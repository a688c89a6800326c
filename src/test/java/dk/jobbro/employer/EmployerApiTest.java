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

    @Test
    void anEmployerCannotChangeItsCvrOrPNumberAndItsHeadCountWaitsForAConsultant() {
        dk.jobbro.support.Api admin = new dk.jobbro.support.Api(http).as(dk.jobbro.support.TestIdentityProvider.admin());
        String cvr = dk.jobbro.support.World.cvr();
        long id = admin.id(admin.post("/api/v1/employers", dk.jobbro.support.World.employer("Egen ApS", cvr)));
        dk.jobbro.support.Api own = new dk.jobbro.support.Api(http)
                .as(dk.jobbro.support.TestIdentityProvider.employer(id));

        Map<String, Object> otherCvr = dk.jobbro.support.World.employer("Egen ApS", dk.jobbro.support.World.cvr());
        dk.jobbro.support.Api.Problem refused = own.fails(HttpRequest.PUT("/api/v1/employers/" + id, otherCvr),
                HttpStatus.FORBIDDEN);
        assertTrue(refused.namesField("cvr"), refused.body());
        Map<String, Object> withP = dk.jobbro.support.World.employer("Egen ApS", cvr);
        withP.put("pNumber", "1012345678");
        assertTrue(own.fails(HttpRequest.PUT("/api/v1/employers/" + id, withP), HttpStatus.FORBIDDEN)
                .namesField("pNumber"));

        Map<String, Object> huge = dk.jobbro.support.World.employer("Egen ApS", cvr);
        huge.put("ordinaryEmployees", 1_000_000);
        Map<String, Object> reported = own.put("/api/v1/employers/" + id, huge);
        assertEquals(40, ((Number) reported.get("ordinaryEmployees")).intValue(), "the ratio rule keeps the confirmed 40");
        assertEquals(1_000_000, ((Number) reported.get("ordinaryEmployeesReported")).intValue());
        java.util.List<Map<String, Object>> changes = admin.getList("/api/v1/employers/" + id + "/changes");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("ordinaryEmployees", changes.get(0).get("field"));
        assertEquals("employer-" + id, changes.get(0).get("subject"));

        Map<String, Object> confirmed = admin.put("/api/v1/employers/" + id, huge);
        assertEquals(1_000_000, ((Number) confirmed.get("ordinaryEmployees")).intValue(), "a consultant confirms");
        assertEquals(null, confirmed.get("ordinaryEmployeesReported"));
        own.fails(HttpRequest.GET("/api/v1/employers/" + id + "/changes"), HttpStatus.FORBIDDEN);
    }
}
