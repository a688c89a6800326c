package dk.jobbro.flagging;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Equal treatment and zero exclusion: the same circumstances give the same flag wherever the case is handled and
 * in whatever order things were recorded; a flag never removes or lowers a match.
 */
@MicronautTest
class EqualTreatmentTest {

    private static final CircumstanceArea[] AREAS = CircumstanceArea.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final HandledBy[] CODES = HandledBy.values();

    @Inject
    @Client("/")
    HttpClient client;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    /** A random set: each area at most once, random severity, handled or not. */
    static List<Map<String, Object>> randomSet(Random random) {
        List<CircumstanceArea> areas = new ArrayList<>(List.of(AREAS));
        Collections.shuffle(areas, random);
        List<Map<String, Object>> set = new ArrayList<>();
        for (CircumstanceArea area : areas.subList(0, random.nextInt(AREAS.length + 1))) {
            boolean handled = random.nextBoolean();
            Map<String, Object> m = World.circumstance(area.name(), SEVERITIES[random.nextInt(SEVERITIES.length)].name(),
                    handled);
            if (handled && random.nextBoolean()) {
                m.put("handledBy", CODES[random.nextInt(CODES.length)].name());
            }
            set.add(m);
        }
        return set;
    }

    @Test
    void theSameCircumstancesGiveTheSameFlagInEveryJobcentreAndInAnyOrderOfRecording() {
        Random random = new Random(20261123L);
        for (int i = 0; i < 60; i++) {
            List<Map<String, Object>> set = randomSet(random);
            List<Map<String, Object>> shuffled = new ArrayList<>(set);
            Collections.shuffle(shuffled, random);
            // Different recorder and date: who recorded it and when must not matter either.
            List<Map<String, Object>> byOther = shuffled.stream().map(m -> {
                Map<String, Object> copy = new HashMap<>(m);
                copy.put("recordedBy", "konsulent-" + random.nextInt(1000));
                copy.put("recordedOn", "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
                return copy;
            }).toList();

            long inAarhus = citizen("Aarhus", "CASH_BENEFIT_ACTIVITY_READY");
            long inAalborg = citizen("Aalborg", "RESOURCE_PROGRAMME");
            put(inAarhus, set);
            // The second citizen first had another situation, then the same one in another order.
            put(inAalborg, randomSet(random));
            put(inAalborg, byOther);

            assertEquals(flagOf(inAarhus), flagOf(inAalborg), "case " + i + ": " + set);
        }
    }

    @Test
    void theEvaluatorIgnoresTheOrderOfCircumstances() throws IOException {
        FlagRuleset rules = FlagRulesTest.shipped();
        Random random = new Random(7L);
        int flagged = 0;
        for (int i = 0; i < 2000; i++) {
            List<Circumstance> set = new ArrayList<>();
            for (Map<String, Object> m : randomSet(random)) {
                set.add(new Circumstance(CircumstanceArea.valueOf((String) m.get("area")),
                        Severity.valueOf((String) m.get("severity")), (Boolean) m.get("handled"), null,
                        FlagRulesTest.DAY, "k"));
            }
            ParallelInterventionFlag expected = FlagEvaluator.evaluate(rules, set);
            List<Circumstance> shuffled = new ArrayList<>(set);
            Collections.shuffle(shuffled, random);
            assertEquals(expected, FlagEvaluator.evaluate(rules, shuffled));
            flagged += expected.flagged() ? 1 : 0;
        }
        assertTrue(flagged > 200 && flagged < 1900, "the generator covers flagged and unflagged sets: " + flagged);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFlaggedCitizenGetsExactlyTheSameMatchesAsAnUnflaggedTwinEachMarkedAsNeedingAParallelEffort() {
        long employer = api.id(api.post("/api/v1/employers",
                World.employer("Lige ApS " + System.nanoTime(), World.cvr())));
        api.post("/api/v1/postings", World.posting(employer).title("Lager med mentor").support("MENTOR").build());
        api.post("/api/v1/postings", World.posting(employer).title("Lager").build());
        api.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB").title("Lagerjob").build());
        long plain = citizen("Aarhus", "CASH_BENEFIT_ACTIVITY_READY");
        long flagged = citizen("Aarhus", "CASH_BENEFIT_ACTIVITY_READY");
        put(flagged, List.of(World.circumstance("HOUSING", "SEVERE", false),
                World.circumstance("SUBSTANCE_USE", "SEVERE", false), World.circumstance("MENTAL_HEALTH", "SEVERE", false)));

        Map<String, Object> plainMatches = api.get("/api/v1/citizens/" + plain + "/matches?limit=200");
        Map<String, Object> flaggedMatches = api.get("/api/v1/citizens/" + flagged + "/matches?limit=200");
        List<Map<String, Object>> a = (List<Map<String, Object>>) plainMatches.get("matches");
        List<Map<String, Object>> b = (List<Map<String, Object>>) flaggedMatches.get("matches");
        assertTrue(a.size() >= 3);
        assertEquals(a.stream().map(m -> List.of(m.get("postingId"), m.get("score"))).toList(),
                b.stream().map(m -> List.of(m.get("postingId"), m.get("score"))).toList(),
                "same postings, same order, same scores");
        assertTrue(b.stream().allMatch(m -> Boolean.TRUE.equals(m.get("needsParallelEffort"))));
        assertTrue(a.stream().noneMatch(m -> Boolean.TRUE.equals(m.get("needsParallelEffort"))));

        Map<String, Object> effort = (Map<String, Object>) flaggedMatches.get("parallelEffort");
        assertEquals(true, effort.get("needed"));
        assertEquals("ACUTE", effort.get("urgency"));
        assertTrue(((List<?>) effort.get("interventions")).contains("ADDICTION_TREATMENT"));
        assertTrue(((List<?>) effort.get("reasons")).size() >= 3);
        assertEquals(false, ((Map<String, Object>) plainMatches.get("parallelEffort")).get("needed"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> flagOf(long citizen) {
        Map<String, Object> current = new HashMap<>((Map<String, Object>) api
                .get("/api/v1/citizens/" + citizen + "/flags").get("current"));
        return current;
    }

    private long citizen(String jobcentre, String targetGroup) {
        return api.id(api.post("/api/v1/citizens", World.citizen().set("jobcentre", jobcentre)
                .targetGroup(targetGroup).build()));
    }

    private void put(long citizen, List<Map<String, Object>> set) {
        api.put("/api/v1/citizens/" + citizen + "/circumstances", Map.of("circumstances", set));
    }
}
