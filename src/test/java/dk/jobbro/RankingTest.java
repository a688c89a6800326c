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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ranking on a small hand-built world, and explanations that add up to the score. */
@MicronautTest
class RankingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void theWantedOccupationWithTheCitizensSkillsNearbyRanksFirstAndTheOrderIsStable() {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Rang A/S", "31313139")));
        // Wanted occupation, all required skills, in town: should win.
        long best = api.id(api.post("/api/v1/postings", World.posting(employer).title("Lagermedarbejder i praktik")
                .occupation("432110").requiredSkills("forklift-operation").build()));
        // Same as best but 36 km away: distance decay puts it second.
        long farther = api.id(api.post("/api/v1/postings", World.posting(employer).title("Lagermedarbejder i praktik")
                .occupation("432110").requiredSkills("forklift-operation").at("8900", World.RANDERS).build()));
        // Held (not wanted) occupation, none of the citizen's skills: experience is evidence, not a wish: third.
        long held = api.id(api.post("/api/v1/postings", World.posting(employer).title("Rengøring")
                .occupation("911210").requiredSkills("cleaning", "cash-register").build()));
        // Unrelated occupation, no skills in common: last.
        long unrelated = api.id(api.post("/api/v1/postings", World.posting(employer).title("Kok")
                .occupation("512010").build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().wants("432110").held("911210")
                .skills("forklift-operation").set("maxCommuteKm", 50).build()));

        Map<String, Object> first = api.get("/api/v1/citizens/" + citizen + "/matches");
        List<Map<String, Object>> matches = (List<Map<String, Object>>) first.get("matches");
        List<Long> mine = List.of(best, farther, held, unrelated);
        assertEquals(mine, ids(matches).stream().filter(mine::contains).toList());
        assertEquals(first, api.get("/api/v1/citizens/" + citizen + "/matches"), "same input, same ranking");

        for (Map<String, Object> m : matches) {
            Map<String, Object> explanation = (Map<String, Object>) m.get("explanation");
            double sum = ((List<Map<String, Object>>) explanation.get("components")).stream()
                    .mapToDouble(c -> ((Number) c.get("points")).doubleValue()).sum();
            assertEquals(((Number) m.get("score")).doubleValue(), sum, 0.001, "components sum to the score");
        }
        Map<String, Object> top = (Map<String, Object>) matches.get(0).get("explanation");
        assertEquals("forklift-operation", ((List<Map<String, Object>>) top.get("matchedSkills")).get(0).get("code"));
        assertTrue(((List<?>) top.get("missingSkills")).isEmpty());
        assertEquals(0.0, ((Number) top.get("distanceKm")).doubleValue(), 0.01);
    }

    @Test
    @SuppressWarnings("unchecked")
    void postingsOfferingTheNeededSupportRankAboveOtherwiseEqualOnes() {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Støtte A/S", "32323235")));
        long plain = api.id(api.post("/api/v1/postings", World.posting(employer).build()));
        long supportive = api.id(api.post("/api/v1/postings", World.posting(employer).support("MENTOR").build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen()
                .targetGroup("CASH_BENEFIT_ACTIVITY_READY").needs("MENTOR").build()));
        List<Map<String, Object>> matches = (List<Map<String, Object>>) api
                .get("/api/v1/citizens/" + citizen + "/matches").get("matches");
        List<Long> order = ids(matches);
        assertTrue(order.contains(supportive) && order.contains(plain));
        assertTrue(order.indexOf(supportive) < order.indexOf(plain), "support fit lifts the mentor posting");
        Map<String, Object> fit = (Map<String, Object>) ((Map<String, Object>) matches.get(0).get("explanation"))
                .get("supportFit");
        assertEquals(List.of("MENTOR"), fit.get("offered"));
    }

    private static List<Long> ids(List<Map<String, Object>> matches) {
        return matches.stream().map(m -> ((Number) m.get("postingId")).longValue()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPostingThatNamesNoSkillsIsMatchedOnItsOccupationsEssentialSkillsAndSkillsResolveFromSynonyms() {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Taksonomi A/S", "33333331")));
        // No skills named: the taxonomy says forklift operation is essential for warehouse workers (432110).
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).occupation("432110")
                .title("Lagerjob").build()));
        // The citizen's skill is given by its synonym, "truckcertifikat".
        Map<String, Object> created = api.post("/api/v1/citizens", World.citizen().skills("truckcertifikat").build());
        assertEquals("forklift-operation", ((List<Map<String, Object>>) created.get("skills")).get(0).get("code"));
        Map<String, Object> why = api.get("/api/v1/citizens/" + api.id(created) + "/matches/" + posting + "/explain");
        Map<String, Object> explanation = (Map<String, Object>) why.get("explanation");
        List<Map<String, Object>> matched = (List<Map<String, Object>>) explanation.get("matchedSkills");
        assertEquals(1, matched.size());
        assertEquals("forklift-operation", matched.get(0).get("code"));
        assertEquals(true, matched.get(0).get("essential"));
        Map<String, Object> skills = ((List<Map<String, Object>>) explanation.get("components")).get(0);
        assertEquals("skills", skills.get("name"));
        double value = ((Number) skills.get("value")).doubleValue();
        assertTrue(value > 0.5 && value < 1, "the unmatched optional skill lowers the value, by less than an "
                + "unmatched essential one would: " + value);
    }
}
