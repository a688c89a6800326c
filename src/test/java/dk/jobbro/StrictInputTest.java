package dk.jobbro;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON bodies are read strictly, before validation: unknown properties, values of the wrong JSON type, dates that
 * are not dates and oversized lists are 400s naming the field in one path format, and a problem document lists at
 * most a hundred errors with their total count.
 */
@MicronautTest
class StrictInputTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    long employer;
    long citizen;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        employer = api.id(api.post("/api/v1/employers", World.employer("Streng ApS", World.cvr())));
        citizen = api.id(api.post("/api/v1/citizens", World.citizen().build()));
    }

    /** Every endpoint with a JSON body, with a valid body for it. */
    List<Map.Entry<MutableHttpRequest<?>, Map<String, Object>>> everyBody() {
        Map<String, Object> notFor = Map.of("employerId", employer, "reason", "konflikt", "recordedBy", "k1");
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).build()));
        return List.of(
                Map.entry(HttpRequest.POST("/api/v1/employers", ""), World.employer("Ny ApS", World.cvr())),
                Map.entry(HttpRequest.PUT("/api/v1/employers/" + employer, ""), World.employer("Streng ApS", World.cvr())),
                Map.entry(HttpRequest.POST("/api/v1/postings", ""), World.posting(employer).build()),
                Map.entry(HttpRequest.PUT("/api/v1/postings/" + posting, ""), World.posting(employer).build()),
                Map.entry(HttpRequest.POST("/api/v1/citizens", ""), World.citizen().build()),
                Map.entry(HttpRequest.PUT("/api/v1/citizens/" + citizen, ""), World.citizen().build()),
                Map.entry(HttpRequest.PUT("/api/v1/citizens/" + citizen + "/circumstances", ""),
                        World.circumstances(World.circumstance("HOUSING", "MILD", false))),
                Map.entry(HttpRequest.POST("/api/v1/citizens/" + citizen + "/not-for", ""), notFor),
                Map.entry(HttpRequest.POST("/api/v1/citizens/" + citizen + "/flags/acknowledge", ""), Map.of("by", "k1")),
                Map.entry(HttpRequest.POST("/api/v1/citizens/" + citizen + "/flags/override", ""), Map.of("reason", "ok")),
                Map.entry(HttpRequest.POST("/api/v1/admin/taxonomy/esco-import", ""), Map.of("directory", "/nowhere")),
                Map.entry(HttpRequest.POST("/api/v1/admin/geo/postcodes-import", ""), Map.of("file", "/nowhere.csv")));
    }

    @Test
    void anUnknownPropertyIsRefusedNamingItOnEveryRequestBody() {
        for (var entry : everyBody()) {
            Map<String, Object> body = new HashMap<>(entry.getValue());
            body.put("maxComuteKm", 20);
            Api.Problem p = send(entry.getKey(), body, HttpStatus.BAD_REQUEST);
            assertTrue(p.namesField("maxComuteKm"), entry.getKey().getPath() + ": " + p.body());
        }
    }

    @Test
    void aMisspeltOptionalListOrNestedPropertyIsRefusedNotDropped() {
        Map<String, Object> body = World.citizen().build();
        body.put("supportNeed", List.of("MENTOR"));
        body.put("home", Map.of("postcode", "8000", "postcde", "8000"));
        Api.Problem p = post("/api/v1/citizens", body);
        assertTrue(p.namesField("supportNeed"), p.body());
        assertTrue(p.namesField("home.postcde"), p.body());
    }

    @Test
    void contentAfterTheDocumentIsRefused() throws IOException {
        String valid = new String(json.writeValueAsBytes(World.employer("Efter ApS", World.cvr())));
        for (String raw : List.of(valid + "}", valid + " {}", valid + ",1", valid + "x")) {
            Api.Problem p = api.fails(HttpRequest.POST("/api/v1/employers", raw)
                    .contentType(MediaType.APPLICATION_JSON_TYPE), HttpStatus.BAD_REQUEST);
            assertTrue(p.namesField("body"), p.body());
        }
    }

    @Test
    void valuesOfTheWrongJsonTypeAreRefusedNamingTheField() {
        Map<String, Object> citizen = World.citizen().set("drivingLicence", "yes").set("maxCommuteKm", 2.5)
                .set("maxHoursPerWeek", "20").set("availableFrom", 20000).build();
        Api.Problem p = post("/api/v1/citizens", citizen);
        for (String field : List.of("drivingLicence", "maxCommuteKm", "maxHoursPerWeek", "availableFrom")) {
            assertTrue(p.namesField(field), field + ": " + p.body());
        }
        Map<String, Object> circumstances = World.circumstances(World.circumstance("HOUSING", "MILD", false));
        @SuppressWarnings("unchecked")
        Map<String, Object> entry = new HashMap<>(((List<Map<String, Object>>) circumstances.get("circumstances")).get(0));
        entry.put("handled", "false");
        Api.Problem handled = api.fails(HttpRequest.PUT("/api/v1/citizens/" + this.citizen + "/circumstances",
                Map.of("circumstances", List.of(entry))), HttpStatus.BAD_REQUEST);
        assertTrue(handled.namesField("circumstances[0].handled"), handled.body());
    }

    @Test
    void datesAreYyyyMmDdWithinYears1000To9999() {
        for (Object date : List.of(20000, "+10000-01-01", "10000-01-01", "2026-02-30", "2026-1-1", "0999-01-01")) {
            Api.Problem p = post("/api/v1/postings", World.posting(employer).set("startDate", date).build());
            assertTrue(p.namesField("startDate"), date + ": " + p.body());
        }
        api.post("/api/v1/postings", World.posting(employer).set("startDate", "9999-12-31").build());
    }

    @Test
    void aWrongValueInsideAListNamesTheElementAndValidationUsesTheSamePaths() {
        Map<String, Object> body = World.citizen().set("supportNeeds", List.of("MENTOR", "UNICORN"))
                .set("skills", List.of(Map.of("code", "a", "level", "GOOD"), Map.of("code", "b", "level", "WIZARD")))
                .build();
        Api.Problem p = post("/api/v1/citizens", body);
        assertTrue(p.namesField("supportNeeds[1]"), p.body());
        assertTrue(p.namesField("skills[1].level"), p.body());
        assertTrue(p.body().contains("allowed: "), p.body());

        List<Object> needs = new ArrayList<>();
        needs.add("MENTOR");
        needs.add(null);
        Map<String, Object> invalid = World.citizen().set("supportNeeds", needs)
                .set("skills", List.of(Map.of("code", "a", "level", "GOOD"), Map.of("code", "", "level", "GOOD")))
                .set("home", Map.of("postcode", "12")).build();
        Api.Problem v = post("/api/v1/citizens", invalid);
        assertTrue(v.namesField("supportNeeds[1]"), v.body());
        assertTrue(v.namesField("skills[1].code"), v.body());
        assertTrue(v.namesField("home.postcode"), v.body());
    }

    @Test
    void aMissingRequiredQueryParameterSaysItIsRequired() {
        Api.Problem p = api.fails(HttpRequest.GET("/api/v1/worklist"), HttpStatus.BAD_REQUEST);
        assertTrue(p.body().contains("{\"field\":\"jobcentre\",\"reason\":\"is required\"}"), p.body());
        Api.Problem limit = api.fails(HttpRequest.GET("/api/v1/citizens/" + citizen + "/matches?limit=abc"),
                HttpStatus.BAD_REQUEST);
        assertTrue(limit.namesField("limit"), limit.body());
    }

    @Test
    void aNulInAnImportPathIsRefused() {
        Api.Problem esco = post("/api/v1/admin/taxonomy/esco-import", Map.of("directory", "/tmp/esco\u0000x"));
        assertTrue(esco.namesField("directory"), esco.body());
        Api.Problem postcodes = post("/api/v1/admin/geo/postcodes-import", Map.of("file", "/tmp/p\u0000.csv"));
        assertTrue(postcodes.namesField("file"), postcodes.body());
    }

    @Test
    void aMegabyteOfInvalidItemsIsRefusedWithOneErrorForTheList() throws IOException {
        Map<String, Object> body = World.citizen().set("supportNeeds", Collections.nCopies(100_000, "UNICORN")).build();
        byte[] raw = json.writeValueAsBytes(body);
        assertTrue(raw.length > 950_000 && raw.length < 1_048_576, raw.length + " bytes");
        Api.Problem p = api.fails(HttpRequest.POST("/api/v1/citizens", raw).contentType(MediaType.APPLICATION_JSON_TYPE),
                HttpStatus.BAD_REQUEST);
        assertTrue(p.body().contains("{\"field\":\"supportNeeds\",\"reason\":\"must have at most 10 items\"}"), p.body());
        assertTrue(errorCount(p) <= 11, p.body());
    }

    @Test
    void aProblemListsAtMostAHundredErrorsAndCountsThemAll() {
        List<Object> skills = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            skills.add(Map.of("code", i, "level", "WIZARD"));
        }
        Api.Problem p = post("/api/v1/citizens", World.citizen().set("skills", skills).build());
        assertEquals(200, errorCount(p), p.body());
        assertEquals(100, p.body().split("\"field\":", -1).length - 1, p.body());
        assertFalse(p.body().contains("WIZARD"), "the sent value is not echoed");
    }

    private Api.Problem post(String path, Object body) {
        return api.fails(HttpRequest.POST(path, body), HttpStatus.BAD_REQUEST);
    }

    private Api.Problem send(MutableHttpRequest<?> request, Object body, HttpStatus expected) {
        MutableHttpRequest<Object> withBody = HttpRequest.create(request.getMethod(), request.getPath()).body(body);
        return api.fails(withBody, expected);
    }

    private static int errorCount(Api.Problem p) {
        Matcher m = java.util.regex.Pattern.compile("\"errorCount\":(\\d+)").matcher(p.body());
        assertTrue(m.find(), p.body());
        return Integer.parseInt(m.group(1));
    }
}
