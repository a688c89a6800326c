package dk.jobbro;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Citizens ranked for a posting: the same hard rules and scorer, the other way round. */
@MicronautTest
class CandidatesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void candidatesAreEligibleCitizensRankedByFit() {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Kandidat A/S", "41414146")));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).kind("WAGE_SUBSIDY")
                .occupation("432110").requiredSkills("forklift-operation").build()));
        long skilled = api.id(api.post("/api/v1/citizens", World.citizen().wants("432110")
                .skills("forklift-operation").build()));
        long unskilled = api.id(api.post("/api/v1/citizens", World.citizen().build()));
        long sickListed = api.id(api.post("/api/v1/citizens", World.citizen().targetGroup("SICKNESS_BENEFIT")
                .wants("432110").skills("forklift-operation").build()));
        long tooFar = api.id(api.post("/api/v1/citizens", World.citizen().wants("432110")
                .skills("forklift-operation").set("home", World.place("9000", World.AALBORG)).build()));

        List<Map<String, Object>> candidates = (List<Map<String, Object>>) api
                .get("/api/v1/postings/" + posting + "/candidates").get("candidates");
        List<Long> ids = candidates.stream().map(c -> ((Number) c.get("citizenId")).longValue()).toList();
        assertEquals(List.of(skilled, unskilled), ids);
        assertFalse(ids.contains(sickListed), "wage subsidy is not offered to the sick-listed");
        assertFalse(ids.contains(tooFar));
        Map<String, Object> top = (Map<String, Object>) candidates.get(0).get("explanation");
        assertTrue(((Number) top.get("score")).doubleValue() > ((Number) ((Map<String, Object>) candidates.get(1)
                .get("explanation")).get("score")).doubleValue());
    }
}
