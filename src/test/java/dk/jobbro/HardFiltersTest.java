package dk.jobbro;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hard rules through HTTP, where HTTP adds something: a posting breaking a rule is missing from the citizen's
 * matches while an otherwise identical one is present, and the why-not names exactly that rule, for the rules
 * whose input comes through the API in a way the plain specifications do not see (the target group's kinds from
 * the configuration, health limitations from the citizen's profile, closing a posting, moving its deadline).
 * Every rule's check and filter, with boundaries: {@code EligibilitySpecificationTest}, {@code PostingRuleFiltersTest}.
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
    void aKindTheTargetGroupMayNotBeOfferedIsExcluded() {
        long internship = posting(World.posting(employer).kind("INTERNSHIP").build());
        long wageSubsidy = posting(World.posting(employer).kind("WAGE_SUBSIDY").build());
        long sickListed = citizen(World.citizen().targetGroup("SICKNESS_BENEFIT").build());
        assertOnly(sickListed, internship, wageSubsidy, "KIND_NOT_ALLOWED");
    }

    @Test
    void aPhysicalDemandTheCitizenCannotMeetExcludesThePosting() {
        long light = posting(World.posting(employer).demands("PROLONGED_STANDING").build());
        long heavy = posting(World.posting(employer).demands("HEAVY_LIFTING").build());
        long citizen = citizen(World.citizen().limitations("NO_HEAVY_LIFTING").build());
        assertOnly(citizen, light, heavy, "PHYSICAL_DEMAND");
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
