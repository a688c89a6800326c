package dk.jobbro;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
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
 * Each hard rule excludes what it must and nothing else: for every rule, a posting that breaks only that rule
 * is missing from the citizen's matches while an otherwise identical posting is present, and the why-not
 * explanation names exactly that rule.
 */
@MicronautTest
class HardFiltersTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api api;
    long employer;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        employer = api.id(api.post("/api/v1/employers",
                World.employer("Filter ApS " + System.nanoTime(), World.cvr())));
    }

    @Test
    void anInternshipBeyondTheCommuteIsExcludedAndOneWithinIsNot() {
        long near = posting(World.posting(employer).at("8000", World.AARHUS).build());
        long far = posting(World.posting(employer).at("9000", World.AALBORG).build());
        long citizen = citizen(World.citizen().set("maxCommuteKm", 30).build());
        assertOnly(citizen, near, far, "TOO_FAR");
    }

    @Test
    void aKindTheTargetGroupMayNotBeOfferedIsExcluded() {
        long internship = posting(World.posting(employer).kind("INTERNSHIP").build());
        long wageSubsidy = posting(World.posting(employer).kind("WAGE_SUBSIDY").build());
        long sickListed = citizen(World.citizen().targetGroup("SICKNESS_BENEFIT").build());
        assertOnly(sickListed, internship, wageSubsidy, "KIND_NOT_ALLOWED");
    }

    @Test
    void aPostingNeedingMoreHoursThanTheCitizenCanWorkIsExcludedUnlessItOffersAGradualStart() {
        long fits = posting(World.posting(employer).hours(10, 20).build());
        long tooMany = posting(World.posting(employer).hours(30, 37).build());
        long gradual = posting(World.posting(employer).hours(30, 37).support("GRADUAL_START").build());
        long citizen = citizen(World.citizen().set("maxHoursPerWeek", 15).build());
        assertOnly(citizen, fits, tooMany, "TOO_MANY_HOURS");
        assertTrue(api.matchIds(citizen).contains(gradual), "a gradual start makes the hours compatible");
    }

    @Test
    void aPhysicalDemandTheCitizenCannotMeetExcludesThePosting() {
        long light = posting(World.posting(employer).demands("PROLONGED_STANDING").build());
        long heavy = posting(World.posting(employer).demands("HEAVY_LIFTING").build());
        long citizen = citizen(World.citizen().limitations("NO_HEAVY_LIFTING").build());
        assertOnly(citizen, light, heavy, "PHYSICAL_DEMAND");
    }

    @Test
    void aDrivingLicenceRequirementExcludesCitizensWithoutOne() {
        long noLicence = posting(World.posting(employer).build());
        long licence = posting(World.posting(employer).set("drivingLicenceRequired", true).build());
        long citizen = citizen(World.citizen().set("drivingLicence", false).build());
        assertOnly(citizen, noLicence, licence, "DRIVING_LICENCE");
    }

    @Test
    void aLanguageRequirementAboveTheCitizensLevelExcludesThePosting() {
        long basic = posting(World.posting(employer).language("da", "BASIC").build());
        long fluent = posting(World.posting(employer).language("da", "FLUENT").build());
        long german = posting(World.posting(employer).language("de", "BASIC").build());
        long citizen = citizen(World.citizen()
                .set("languages", List.of(Map.of("language", "da", "level", "INTERMEDIATE"))).build());
        assertOnly(citizen, basic, fluent, "LANGUAGE");
        assertFalse(api.matchIds(citizen).contains(german), "a language the citizen does not speak is not met");
    }

    @Test
    void closedDraftAndFilledPostingsAreNotMatched() {
        long open = posting(World.posting(employer).build());
        long draft = posting(World.posting(employer).set("status", "DRAFT").build());
        long filled = posting(World.posting(employer).set("slots", 2).set("slotsFilled", 2).build());
        long closed = posting(World.posting(employer).build());
        api.postOk("/api/v1/postings/" + closed + "/close");
        long citizen = citizen(World.citizen().build());
        Set<Long> ids = api.matchIds(citizen);
        assertTrue(ids.contains(open));
        assertFalse(ids.contains(draft));
        assertFalse(ids.contains(filled));
        assertFalse(ids.contains(closed));
        assertEquals(Set.of("NOT_OPEN", "NO_FREE_SLOT"), api.exclusionRules(citizen, filled));
    }

    @Test
    void aPostingPastItsApplicationDeadlineIsNotMatched() {
        long current = posting(World.posting(employer).set("applicationDeadline", "2999-01-01").build());
        // A new posting may not be overdue: created open, its deadline moved back afterwards.
        long overdue = posting(World.posting(employer).build());
        api.put("/api/v1/postings/" + overdue, World.posting(employer).set("applicationDeadline", "2020-01-01").build());
        long citizen = citizen(World.citizen().build());
        assertOnly(citizen, current, overdue, "DEADLINE_PASSED");
    }

    private void assertOnly(long citizen, long included, long excluded, String rule) {
        Set<Long> ids = api.matchIds(citizen);
        assertTrue(ids.contains(included), "the control posting is matched");
        assertFalse(ids.contains(excluded), "the posting breaking " + rule + " is not matched");
        assertEquals(Set.of(rule), api.exclusionRules(citizen, excluded));
        assertEquals(Set.of(), api.exclusionRules(citizen, included));
    }

    private long posting(Map<String, Object> body) {
        return api.id(api.post("/api/v1/postings", body));
    }

    private long citizen(Map<String, Object> body) {
        return api.id(api.post("/api/v1/citizens", body));
    }
}
