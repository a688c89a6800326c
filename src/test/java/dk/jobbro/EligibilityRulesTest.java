package dk.jobbro;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ratio rule from the database's placements, the consultant's "not for this citizen" through its endpoints, and
 * why-not answers taken at their word. Index and rules agreeing: {@code PostingRuleFiltersTest}.
 */
@MicronautTest
class EligibilityRulesTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void anEmployerWithoutHeadroomUnderTheRatioRuleGetsNoNewPlacementMatchesButKeepsItsOrdinaryJobs() {
        Map<String, Object> small = World.employer("Lille Værksted ApS", "51515153");
        small.put("ordinaryEmployees", 10); // capacity 2 placements
        long employer = api.id(api.post("/api/v1/employers", small));
        long internship = api.id(api.post("/api/v1/postings", World.posting(employer).set("slots", 3).build()));
        long wageSubsidy = api.id(api.post("/api/v1/postings", World.posting(employer).kind("WAGE_SUBSIDY").build()));
        long job = api.id(api.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB").build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().build()));
        assertTrue(api.matchIds(citizen).containsAll(List.of(internship, wageSubsidy, job)), "headroom: all match");

        // Two of the internship's slots get filled: 2 of 2 placements used.
        api.put("/api/v1/postings/" + internship, World.posting(employer).set("slots", 3).set("slotsFilled", 2).build());
        Set<Long> ids = api.matchIds(citizen);
        assertFalse(ids.contains(internship));
        assertFalse(ids.contains(wageSubsidy));
        assertTrue(ids.contains(job), "the ratio rule limits placements, not ordinary jobs");
        assertEquals(Set.of("NO_CAPACITY"), api.exclusionRules(citizen, wageSubsidy));

        // Close the internship: its filled slots no longer count.
        api.postOk("/api/v1/postings/" + internship + "/close");
        assertTrue(api.matchIds(citizen).contains(wageSubsidy));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConsultantsNotForThisCitizenIsRespectedWithItsReasonAndCanBeUndone() {
        long employer = api.id(api.post("/api/v1/employers", World.employer("Fravalgt A/S", "52525268")));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().build()));
        assertTrue(api.matchIds(citizen).contains(posting));

        Map<String, Object> entry = api.post("/api/v1/citizens/" + citizen + "/not-for", Map.of(
                "employerId", employer, "reason", "Tidligere forløb gik dårligt"));
        assertFalse(api.matchIds(citizen).contains(posting));
        Map<String, Object> why = api.get("/api/v1/citizens/" + citizen + "/matches/" + posting + "/explain");
        Map<String, Object> exclusion = ((List<Map<String, Object>>) why.get("exclusions")).get(0);
        assertEquals("NOT_FOR_CITIZEN", exclusion.get("rule"));
        assertTrue(((String) exclusion.get("text")).contains("Tidligere forløb gik dårligt"));

        api.fails(HttpRequest.POST("/api/v1/citizens/" + citizen + "/not-for", Map.of(
                "reason", "x")), HttpStatus.UNPROCESSABLE_ENTITY);
        api.delete("/api/v1/citizens/" + citizen + "/not-for/" + api.id(entry));
        assertTrue(api.matchIds(citizen).contains(posting), "undone: the posting is back");
        api.fails(HttpRequest.DELETE("/api/v1/citizens/" + citizen + "/not-for/" + api.id(entry)), HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whyNotSaysWhatWouldChangeTheAnswer() {
        long employer = api.id(api.post("/api/v1/employers", World.employer("Langt Væk A/S", "53535356")));
        long far = api.id(api.post("/api/v1/postings", World.posting(employer).at("8900", World.RANDERS).build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().set("maxCommuteKm", 20).build()));
        Map<String, Object> why = api.get("/api/v1/citizens/" + citizen + "/matches/" + far + "/explain");
        assertEquals(false, why.get("eligible"));
        Map<String, Object> tooFar = ((List<Map<String, Object>>) why.get("exclusions")).get(0);
        assertEquals("TOO_FAR", tooFar.get("rule"));
        double km = ((Number) tooFar.get("threshold")).doubleValue();
        assertTrue(km > 30 && km < 40, "Randers is about 35 km from Aarhus: " + km);
        assertTrue(((String) tooFar.get("wouldMatchIf")).contains((int) km + " km"));

        // Taking the answer at its word: with that commute the posting matches.
        api.put("/api/v1/citizens/" + citizen, World.citizen().set("maxCommuteKm", (int) km).build());
        assertTrue(api.matchIds(citizen).contains(far));
    }
}
