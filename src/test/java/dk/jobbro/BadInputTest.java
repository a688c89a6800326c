package dk.jobbro;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.context.annotation.Value;
import java.sql.DriverManager;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a problem document naming the field and the reason, never a 500, and changes nothing. */
@MicronautTest
class BadInputTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String dbUser;
    @Value("${datasources.default.password}")
    String dbPassword;

    Api api;
    long employer;
    long posting;
    long citizen;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        employer = api.id(api.post("/api/v1/employers",
                World.employer("Fejl " + System.nanoTime(), World.cvr())));
        posting = api.id(api.post("/api/v1/postings", World.posting(employer).build()));
        citizen = api.id(api.post("/api/v1/citizens", World.citizen().build()));
    }

    @Test
    void anUnknownEnumValueListsTheAllowedOnes() {
        String before = snapshot();
        Api.Problem p = api.fails(HttpRequest.POST("/api/v1/postings",
                World.posting(employer).kind("VOLUNTEERING").build()), HttpStatus.BAD_REQUEST);
        for (String allowed : List.of("ORDINARY_JOB", "INTERNSHIP", "WAGE_SUBSIDY")) {
            assertTrue(p.body().contains(allowed), p.body());
        }
        assertTrue(p.namesField("kind"), p.body());
        assertFalse(p.body().contains("VOLUNTEERING"), "the sent value is not echoed");
        assertEquals(before, snapshot());
    }

    @Test
    void violatedConstraintsNameEveryField() {
        String before = snapshot();
        Map<String, Object> body = World.citizen().set("name", "").set("maxHoursPerWeek", 500)
                .set("home", Map.of("postcode", "12")).build();
        Api.Problem p = api.fails(HttpRequest.POST("/api/v1/citizens", body), HttpStatus.BAD_REQUEST);
        assertTrue(p.namesField("name"), p.body());
        assertTrue(p.namesField("maxHoursPerWeek"), p.body());
        assertTrue(p.namesField("home.postcode"), p.body());
        assertEquals(before, snapshot());
    }

    @Test
    void unknownTaxonomyCodesAndBrokenBusinessRulesAre422() {
        String before = snapshot();
        Api.Problem p = api.fails(HttpRequest.POST("/api/v1/postings", World.posting(employer)
                .occupation("999999").requiredSkills("juggling").hours(30, 20).build()), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(p.namesField("occupationCode"), p.body());
        assertTrue(p.namesField("requiredSkills[0]"), p.body());
        assertTrue(p.namesField("hoursPerWeek.min"), p.body());
        Api.Problem unknownEmployer = api.fails(HttpRequest.POST("/api/v1/postings", World.posting(987_654).build()),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(unknownEmployer.namesField("employerId"));
        assertEquals(before, snapshot());
    }

    @Test
    void aCvrNumberFailingTheModulus11CheckIs400NamingCvr() {
        String before = snapshot();
        Api.Problem p = api.fails(HttpRequest.POST("/api/v1/employers", World.employer("Tastefejl ApS", "55133019")),
                HttpStatus.BAD_REQUEST);
        assertTrue(p.namesField("cvr"), p.body());
        assertFalse(p.body().contains("55133019"), "the sent value is not echoed");
        assertEquals(before, snapshot());
        api.post("/api/v1/employers", World.employer("Rigtig ApS", World.cvr()));
    }

    @Test
    void aNewPostingWhoseApplicationDeadlineHasPassedIs422() {
        String before = snapshot();
        Api.Problem p = api.fails(HttpRequest.POST("/api/v1/postings", World.posting(employer)
                .set("applicationDeadline", java.time.LocalDate.now().minusDays(1).toString()).build()),
                HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(p.namesField("applicationDeadline"), p.body());
        assertEquals(before, snapshot());
        api.post("/api/v1/postings", World.posting(employer)
                .set("applicationDeadline", java.time.LocalDate.now().toString()).build());
    }

    @Test
    void missingResourcesAre404AndADuplicateEmployerIs409() {
        api.post("/api/v1/employers", World.employer("Dublet", "12121210"));
        String before = snapshot();
        api.fails(HttpRequest.GET("/api/v1/postings/999999"), HttpStatus.NOT_FOUND);
        api.fails(HttpRequest.GET("/api/v1/citizens/999999/matches"), HttpStatus.NOT_FOUND);
        api.fails(HttpRequest.GET("/api/v1/postings/999999/candidates"), HttpStatus.NOT_FOUND);
        api.fails(HttpRequest.GET("/api/v1/no-such-thing"), HttpStatus.NOT_FOUND);
        api.fails(HttpRequest.PUT("/api/v1/citizens/999999", World.citizen().build()), HttpStatus.NOT_FOUND);
        api.fails(HttpRequest.POST("/api/v1/employers", World.employer("Dublet igen", "12121210")), HttpStatus.CONFLICT);
        assertEquals(before, snapshot());
    }

    @Test
    void aClosedPostingCannotBeChangedAndAnIllegalStatusMoveIs409() {
        api.postOk("/api/v1/postings/" + posting + "/close");
        String before = snapshot();
        api.fails(HttpRequest.PUT("/api/v1/postings/" + posting, World.posting(employer).build()), HttpStatus.CONFLICT);
        long draft = api.id(api.post("/api/v1/postings", World.posting(employer).set("status", "DRAFT").build()));
        String beforeMove = snapshot();
        Api.Problem p = api.fails(HttpRequest.PUT("/api/v1/postings/" + draft,
                World.posting(employer).set("status", "FILLED").build()), HttpStatus.CONFLICT);
        assertTrue(p.namesField("status"));
        assertEquals(beforeMove, snapshot());
        assertFalse(before.equals(beforeMove), "the draft was created");
    }

    @Test
    void malformedJsonWrongTypesAndBadQueryParametersAre400() {
        String before = snapshot();
        for (String raw : List.of("{", "[]", "{\"name\": 12, \"cvr\": [1]}", "null", "{\"ordinaryEmployees\": \"many\"}")) {
            api.fails(HttpRequest.POST("/api/v1/employers", raw).contentType(MediaType.APPLICATION_JSON_TYPE),
                    HttpStatus.BAD_REQUEST);
        }
        api.fails(HttpRequest.GET("/api/v1/citizens/" + citizen + "/matches?limit=0"), HttpStatus.BAD_REQUEST);
        api.fails(HttpRequest.GET("/api/v1/citizens/" + citizen + "/matches?limit=abc"), HttpStatus.BAD_REQUEST);
        api.fails(HttpRequest.GET("/api/v1/postings/search?kind=NOPE"), HttpStatus.BAD_REQUEST);
        api.fails(HttpRequest.GET("/api/v1/postings/search?lat=56.1"), HttpStatus.BAD_REQUEST);
        api.fails(HttpRequest.GET("/api/v1/postings/search?lat=40&lon=10"), HttpStatus.BAD_REQUEST);
        assertEquals(before, snapshot());
    }

    /** Row counts and the latest change per table: any write would show. */
    private String snapshot() {
        StringBuilder s = new StringBuilder();
        // A connection of its own, autocommitting: a pooled one could hold an old REPEATABLE READ snapshot.
        try (Connection c = DriverManager.getConnection(url, dbUser, dbPassword)) {
            for (String table : List.of("employer", "posting", "citizen")) {
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*), MAX(updated_at) FROM " + table)) {
                    rs.next();
                    s.append(table).append('=').append(rs.getLong(1)).append('@').append(rs.getString(2)).append(' ');
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return s.toString();
    }
}
