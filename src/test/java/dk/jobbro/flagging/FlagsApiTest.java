package dk.jobbro.flagging;

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

import static dk.jobbro.support.World.circumstance;
import static dk.jobbro.support.World.circumstances;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Circumstances and flags through HTTP against the real database: the default rules fire as documented, every
 * change is evaluated and kept, consultants acknowledge or overrule with a visible record.
 */
@MicronautTest(transactional = false) // the nightly run is called directly; its commits must be visible to HTTP
class FlagsApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    FlagService flagService;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    @Test
    void anAcutelyHomelessCitizenIsFlaggedAcuteWithHousingSupportEvenWhenAnEffortHasStarted() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("HOUSING", "SEVERE", true));
        Map<String, Object> current = current(citizen);
        assertEquals(true, current.get("needed"));
        assertEquals("OPEN", current.get("status"));
        assertEquals("ACUTE", current.get("urgency"));
        assertEquals(List.of("ACUTE_HOMELESSNESS"), reasonCodes(current));
        assertTrue(((List<?>) current.get("interventions")).contains("HOUSING_SUPPORT"));
        Map<String, Object> reason = reasons(current).get(0);
        assertTrue(((String) reason.get("text")).contains("hjemløs"), "the reason is plain Danish");
    }

    @Test
    void severeSubstanceUseIsFlaggedOnlyWhileUntreated() {
        long untreated = citizen("Aarhus");
        record(untreated, circumstance("SUBSTANCE_USE", "SEVERE", false));
        assertEquals(List.of("UNTREATED_SEVERE_SUBSTANCE_USE"), reasonCodes(current(untreated)));
        assertEquals("HIGH", current(untreated).get("urgency"));

        long inTreatment = citizen("Aarhus");
        Map<String, Object> treated = circumstance("SUBSTANCE_USE", "SEVERE", true);
        treated.put("handledBy", "IN_TREATMENT");
        record(inTreatment, treated);
        assertEquals("NOT_FLAGGED", current(inTreatment).get("status"));
        assertEquals(false, current(inTreatment).get("needed"));
    }

    @Test
    void severeUntreatedMentalIllnessIsFlaggedForMentalHealthTreatment() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("MENTAL_HEALTH", "SEVERE", false));
        Map<String, Object> current = current(citizen);
        assertEquals(List.of("UNTREATED_SEVERE_MENTAL_ILLNESS"), reasonCodes(current));
        assertTrue(((List<?>) current.get("interventions")).contains("MENTAL_HEALTH_TREATMENT"));
    }

    @Test
    void threeModerateCircumstancesAtOnceAskForACoordinatedEffortWhileTwoDoNot() {
        long two = citizen("Aarhus");
        record(two, circumstance("FAMILY_AND_CARE", "MODERATE", false),
                circumstance("READING_AND_WRITING", "SEVERE", true));
        assertEquals("NOT_FLAGGED", current(two).get("status"));

        long three = citizen("Aarhus");
        record(three, circumstance("FAMILY_AND_CARE", "MODERATE", false),
                circumstance("READING_AND_WRITING", "SEVERE", true), circumstance("LANGUAGE", "MODERATE", true),
                circumstance("CRIMINAL_RECORD", "MILD", false));
        Map<String, Object> current = current(three);
        assertEquals(List.of("SEVERAL_SERIOUS_CIRCUMSTANCES"), reasonCodes(current));
        assertTrue(((List<?>) current.get("interventions")).contains("COORDINATED_RESOURCE_PROGRAMME"));
    }

    @Test
    void severalRulesFiringGiveAllTheirReasonsAndTheMostUrgentUrgency() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("HOUSING", "MODERATE", false),
                circumstance("DEBT_AND_ECONOMY", "SEVERE", false));
        Map<String, Object> current = current(citizen);
        assertEquals(List.of("DEBT_THREATENS_HOUSING", "UNTREATED_SEVERE_DEBT"), reasonCodes(current));
        assertEquals("HIGH", current.get("urgency"));
        assertEquals(List.of("HOUSING_SUPPORT", "DEBT_COUNSELLING"), current.get("interventions"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void circumstancesAreReplacedAsASetAndEveryChangeIsEvaluatedAndKept() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("HOUSING", "SEVERE", false), circumstance("LANGUAGE", "MILD", false));
        Map<String, Object> after = api.put("/api/v1/citizens/" + citizen + "/circumstances",
                circumstances(circumstance("HOUSING", "MILD", true)));
        List<Map<String, Object>> stored = (List<Map<String, Object>>) after.get("circumstances");
        assertEquals(1, stored.size(), "the new set replaces the old one");
        assertEquals("HOUSING", stored.get(0).get("area"));
        assertEquals("konsulent-1", stored.get(0).get("recordedBy"));
        assertTrue(stored.get(0).get("recordedOn") != null, "recordedOn defaults to today");
        assertEquals(stored, api.get("/api/v1/citizens/" + citizen + "/circumstances").get("circumstances"));

        Map<String, Object> flags = api.get("/api/v1/citizens/" + citizen + "/flags");
        List<Map<String, Object>> history = (List<Map<String, Object>>) flags.get("history");
        assertEquals(2, history.size());
        assertEquals(false, history.get(0).get("flagged"), "newest first: the housing situation is resolved");
        assertEquals(true, history.get(1).get("flagged"));
        assertEquals("CIRCUMSTANCES_CHANGED", history.get(1).get("trigger"));
        assertEquals("flags-2026.11-v1", history.get(1).get("rulesetVersion"));
        assertEquals("NOT_FLAGGED", ((Map<String, Object>) flags.get("current")).get("status"));
    }

    @Test
    void unknownCodesAreRejectedWithTheAllowedValuesWithoutEchoingWhatWasSent() {
        long citizen = citizen("Aarhus");
        Api.Problem area = api.fails(HttpRequest.PUT("/api/v1/citizens/" + citizen + "/circumstances",
                circumstances(circumstance("GAMBLING", "SEVERE", false))), HttpStatus.BAD_REQUEST);
        for (String allowed : List.of("HOUSING", "SUBSTANCE_USE", "SOCIAL_NETWORK", "LANGUAGE")) {
            assertTrue(area.body().contains(allowed), area.body());
        }
        assertFalse(area.body().contains("GAMBLING"), area.body());
        assertTrue(area.namesField("circumstances[0].area"), area.body());

        Api.Problem severity = api.fails(HttpRequest.PUT("/api/v1/citizens/" + citizen + "/circumstances",
                circumstances(circumstance("HOUSING", "CATASTROPHIC", false))), HttpStatus.BAD_REQUEST);
        for (String allowed : List.of("NONE", "MILD", "MODERATE", "SEVERE")) {
            assertTrue(severity.body().contains(allowed), severity.body());
        }
        assertFalse(severity.body().contains("CATASTROPHIC"), severity.body());
        assertEquals(0, ((List<?>) api.get("/api/v1/citizens/" + citizen + "/flags").get("history")).size(),
                "a rejected request evaluates nothing");
    }

    @Test
    void anAreaTwiceOrAHandledByCodeOnAnUnhandledCircumstanceBreaksABusinessRule() {
        long citizen = citizen("Aarhus");
        Map<String, Object> inconsistent = circumstance("MENTAL_HEALTH", "SEVERE", false);
        inconsistent.put("handledBy", "IN_TREATMENT");
        Api.Problem p = api.fails(HttpRequest.PUT("/api/v1/citizens/" + citizen + "/circumstances",
                circumstances(circumstance("HOUSING", "SEVERE", false), circumstance("HOUSING", "MILD", false),
                        inconsistent)), HttpStatus.UNPROCESSABLE_ENTITY);
        assertTrue(p.namesField("circumstances[1].area"), p.body());
        assertTrue(p.namesField("circumstances[2].handledBy"), p.body());
        assertFalse(p.body().contains("SEVERE"), "values are never echoed");
        assertEquals(List.of(), api.get("/api/v1/citizens/" + citizen + "/circumstances").get("circumstances"));
    }

    @Test
    void anUnknownCitizenIs404() {
        api.fails(HttpRequest.PUT("/api/v1/citizens/999999/circumstances",
                circumstances(circumstance("HOUSING", "SEVERE", false))), HttpStatus.NOT_FOUND);
        api.fails(HttpRequest.GET("/api/v1/citizens/999999/flags"), HttpStatus.NOT_FOUND);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAcknowledgementIsRecordedAndShownWhileTheFlagStillCounts() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("HOUSING", "SEVERE", false));
        Map<String, Object> flags = api.postOk("/api/v1/citizens/" + citizen + "/flags/acknowledge");
        Map<String, Object> current = (Map<String, Object>) flags.get("current");
        assertEquals("ACKNOWLEDGED", current.get("status"));
        assertEquals(true, current.get("needed"));
        assertEquals("ACKNOWLEDGED", ((Map<String, Object>) current.get("review")).get("action"));
        assertEquals(1, ((List<?>) flags.get("reviews")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverruleNeedsAReasonAndIsShownEverywhereTheFlagIs() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("SUBSTANCE_USE", "SEVERE", false));
        api.fails(HttpRequest.POST("/api/v1/citizens/" + citizen + "/flags/override", Map.of("reason", " ")),
                HttpStatus.BAD_REQUEST);
        String reason = "Borgeren er allerede i et koordineret forløb i kommunens misbrugscenter";
        Map<String, Object> flags = api.postAction("/api/v1/citizens/" + citizen + "/flags/override",
                Map.of("reason", reason));
        Map<String, Object> current = (Map<String, Object>) flags.get("current");
        assertEquals("OVERRIDDEN", current.get("status"));
        assertEquals(false, current.get("needed"));
        assertEquals(List.of("UNTREATED_SEVERE_SUBSTANCE_USE"), reasonCodes(current), "the reasons stay visible");
        Map<String, Object> review = (Map<String, Object>) current.get("review");
        assertEquals(reason, review.get("reason"));
        assertEquals("admin-1", review.get("by"), "who overrode is the token's subject, never a typed name");

        Map<String, Object> matches = api.get("/api/v1/citizens/" + citizen + "/matches");
        Map<String, Object> effort = (Map<String, Object>) matches.get("parallelEffort");
        assertEquals("OVERRIDDEN", effort.get("status"));
        assertEquals(reason, ((Map<String, Object>) effort.get("review")).get("reason"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverruleLapsesWhenTheReasonsChange() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("SUBSTANCE_USE", "SEVERE", false));
        api.postAction("/api/v1/citizens/" + citizen + "/flags/override", Map.of("reason", "Vurderet i teamet"));
        flagService.reevaluateAll();
        assertEquals("OVERRIDDEN", current(citizen).get("status"), "the same reasons keep the overrule");
        record(citizen, circumstance("SUBSTANCE_USE", "SEVERE", false), circumstance("HOUSING", "SEVERE", false));
        assertEquals("OPEN", current(citizen).get("status"), "a changed situation asks for a new judgement");
        List<Map<String, Object>> reviews = (List<Map<String, Object>>) api
                .get("/api/v1/citizens/" + citizen + "/flags").get("reviews");
        assertEquals(1, reviews.size(), "the earlier overrule stays in the record");
    }

    @Test
    void aCitizenWithoutAFlagCannotBeAcknowledgedOrOverruled() {
        long citizen = citizen("Aarhus");
        api.fails(HttpRequest.POST("/api/v1/citizens/" + citizen + "/flags/acknowledge", Map.of()),
                HttpStatus.CONFLICT);
        record(citizen, circumstance("HOUSING", "MILD", false));
        api.fails(HttpRequest.POST("/api/v1/citizens/" + citizen + "/flags/override", Map.of("reason", "x")),
                HttpStatus.CONFLICT);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theNightlyRunEvaluatesEveryActiveCitizenAndEachEvaluationReproduces() {
        long flagged = citizen("Aarhus");
        long plain = citizen("Aarhus");
        record(flagged, circumstance("MENTAL_HEALTH", "SEVERE", false));
        assertTrue(flagService.reevaluateAll() >= 2);
        for (long citizen : List.of(flagged, plain)) {
            List<Map<String, Object>> history = (List<Map<String, Object>>) api
                    .get("/api/v1/citizens/" + citizen + "/flags").get("history");
            Map<String, Object> nightly = history.get(0);
            assertEquals("NIGHTLY", nightly.get("trigger"), history.toString());
            Map<String, Object> reproduced = api.get("/api/v1/citizens/" + citizen + "/flags/evaluations/"
                    + ((Number) nightly.get("evaluationId")).longValue());
            assertEquals(true, reproduced.get("identical"));
            assertEquals(reproduced.get("stored"), reproduced.get("recomputed"));
        }
        Map<String, Object> flags = api.get("/api/v1/citizens/" + flagged + "/flags");
        assertEquals(List.of("UNTREATED_SEVERE_MENTAL_ILLNESS"),
                reasonCodes((Map<String, Object>) flags.get("current")));
        // The nightly rows are written in multi-row inserts, the one before by the repository: both read back alike.
        List<Map<String, Object>> history = (List<Map<String, Object>>) flags.get("history");
        Map<String, Object> nightly = new java.util.HashMap<>(history.get(0));
        Map<String, Object> saved = new java.util.HashMap<>(history.get(1));
        assertEquals("CIRCUMSTANCES_CHANGED", saved.get("trigger"), history.toString());
        for (String differs : List.of("evaluationId", "evaluatedAt", "trigger")) {
            nightly.remove(differs);
            saved.remove(differs);
        }
        assertEquals(saved, nightly);
        assertEquals(inputs(flagged, history.get(1)), inputs(flagged, history.get(0)));
    }

    private Object inputs(long citizen, Map<String, Object> evaluation) {
        return api.get("/api/v1/citizens/" + citizen + "/flags/evaluations/"
                + ((Number) evaluation.get("evaluationId")).longValue()).get("inputs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorklistPutsFlaggedCitizensFirstByUrgencyThenTheRestById() {
        String jobcentre = "Ærø"; // no other test of this class places citizens there
        long plainFirst = citizen(jobcentre);
        long normal = citizen(jobcentre);
        long acute = citizen(jobcentre);
        long high = citizen(jobcentre);
        long overruled = citizen(jobcentre);
        long plainLast = citizen(jobcentre);
        long elsewhere = citizen("Randers");
        record(normal, circumstance("PHYSICAL_HEALTH", "SEVERE", false));
        record(acute, circumstance("HOUSING", "SEVERE", false));
        record(high, circumstance("MENTAL_HEALTH", "SEVERE", false));
        record(overruled, circumstance("HOUSING", "SEVERE", false));
        record(elsewhere, circumstance("HOUSING", "SEVERE", false));
        api.postAction("/api/v1/citizens/" + overruled + "/flags/override", Map.of("reason", "Har fået bolig i går"));

        Map<String, Object> worklist = api.get("/api/v1/worklist?jobcentre=%C3%86r%C3%B8");
        List<Map<String, Object>> entries = (List<Map<String, Object>>) worklist.get("citizens");
        assertEquals(List.of(acute, high, normal, plainFirst, plainLast, overruled).stream().sorted().toList(),
                entries.stream().map(e -> ((Number) e.get("citizenId")).longValue()).sorted().toList(),
                "only this jobcentre's citizens");
        List<Long> order = entries.stream().map(e -> ((Number) e.get("citizenId")).longValue()).toList();
        assertEquals(List.of(acute, high, normal), order.subList(0, 3));
        assertEquals(List.of(plainFirst, overruled, plainLast), order.subList(3, 6), "then the rest by id");
        Map<String, Object> overruledFlag = (Map<String, Object>) entries.get(4).get("flag");
        assertEquals("OVERRIDDEN", overruledFlag.get("status"), "an overrule is shown, not hidden");
        assertEquals("Har fået bolig i går", ((Map<String, Object>) overruledFlag.get("review")).get("reason"));
        assertEquals("ACUTE", ((Map<String, Object>) entries.get(0).get("flag")).get("urgency"));
    }

    @Test
    void theWorklistNeedsAJobcentre() {
        api.fails(HttpRequest.GET("/api/v1/worklist"), HttpStatus.BAD_REQUEST);
    }

    @Test
    @SuppressWarnings("unchecked")
    void whoAcknowledgedOverrodeOrExcludedIsTheTokensSubjectNeverATypedName() {
        long citizen = citizen("Aarhus");
        record(citizen, circumstance("HOUSING", "SEVERE", false));
        Api consultant = new Api(client).as(dk.jobbro.support.TestIdentityProvider.consultant("Aarhus"));
        Map<String, Object> acknowledged = consultant.postAction("/api/v1/citizens/" + citizen + "/flags/acknowledge",
                Map.of());
        assertEquals("konsulent-Aarhus", ((Map<String, Object>) ((Map<String, Object>) acknowledged.get("current"))
                .get("review")).get("by"));
        consultant.fails(HttpRequest.POST("/api/v1/citizens/" + citizen + "/flags/override",
                Map.of("reason", "på vej", "by", "en anden")), HttpStatus.BAD_REQUEST);
        Map<String, Object> notFor = consultant.post("/api/v1/citizens/" + citizen + "/not-for",
                Map.of("occupationCode", "432110", "reason", "ønsker ikke lager"));
        assertEquals("konsulent-Aarhus", notFor.get("recordedBy"));
        consultant.fails(HttpRequest.POST("/api/v1/citizens/" + citizen + "/not-for", Map.of("occupationCode",
                "432110", "reason", "x", "recordedBy", "en anden")), HttpStatus.BAD_REQUEST);
    }

    private long citizen(String jobcentre) {
        return api.id(api.post("/api/v1/citizens", World.citizen().set("jobcentre", jobcentre)
                .targetGroup("CASH_BENEFIT_ACTIVITY_READY").build()));
    }

    @SafeVarargs
    private void record(long citizen, Map<String, Object>... entries) {
        api.put("/api/v1/citizens/" + citizen + "/circumstances", circumstances(entries));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> current(long citizen) {
        return (Map<String, Object>) api.get("/api/v1/citizens/" + citizen + "/flags").get("current");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> reasons(Map<String, Object> effort) {
        return (List<Map<String, Object>>) effort.get("reasons");
    }

    static List<String> reasonCodes(Map<String, Object> effort) {
        return reasons(effort).stream().map(r -> (String) r.get("code")).toList();
    }
}
