package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Skill IDF follows the open postings as they are written, changed, closed and deleted. */
class SkillStatisticsTest {

    static PostingFacts posting(long id, PostingStatus status, List<String> required, List<String> desired) {
        return new PostingFacts(id, 1, "A/S", PostingKind.ORDINARY_JOB, status, "Job", "432110", required, desired, List.of(),
                new GeoPoint(56.15, 10.2), 10, 37, 1, 0, Set.of(), Set.of(), false, List.of(), null);
    }

    @Test
    void aSkillOnEveryOpenPostingWeighsLessThanOneOnFewAndClosedPostingsDoNotCount() {
        SkillStatistics stats = new SkillStatistics();
        for (long id = 1; id <= 10; id++) {
            stats.replace(null, posting(id, PostingStatus.OPEN, List.of("computer"),
                    id == 1 ? List.of("dentistry", "computer") : List.of()));
        }
        assertEquals(10, stats.openPostings());
        assertTrue(stats.idf("dentistry") > 3 * stats.idf("computer"));
        assertTrue(stats.idf("never-seen") > stats.idf("dentistry"));

        double before = stats.idf("dentistry");
        stats.replace(posting(1, PostingStatus.OPEN, List.of("computer"), List.of("dentistry", "computer")),
                posting(1, PostingStatus.CLOSED, List.of("computer"), List.of("dentistry")));
        assertEquals(9, stats.openPostings());
        assertEquals(stats.idf("never-seen"), stats.idf("dentistry"), 1e-12, "closed postings are not counted");
        stats.replace(null, posting(11, PostingStatus.OPEN, List.of("dentistry"), List.of()));
        assertEquals(before, stats.idf("dentistry"), 0.2);
        stats.replace(posting(11, PostingStatus.OPEN, List.of("dentistry"), List.of()), null);
        assertEquals(9, stats.openPostings());
    }
}
