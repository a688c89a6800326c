package dk.jobbro.matching;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorer and the hard rules as plain Java: no context, no database, no index. */
class MatchScorerTest {

    static final ScoringWeights WEIGHTS = new ScoringWeights("test", 4, 3, 1, 1.5, 0.5, 1.5, 2, 10, 200);
    static final GeoPoint HOME = new GeoPoint(56.1567, 10.2108);

    static MatchCriteria criteria(Set<String> skills, Set<SupportKind> needs) {
        return new MatchCriteria(EnumSet.allOf(PostingKind.class), HOME, 30, 37, EnumSet.noneOf(PhysicalDemand.class),
                true, Map.of("da", LanguageLevel.NATIVE), LocalDate.of(2026, 11, 23), skills, Set.of("432110"),
                Set.of("911210"), needs, "", WEIGHTS, 200);
    }

    static PostingFacts posting(String occupation, List<String> required, Set<SupportKind> support) {
        return new PostingFacts(1, 1, "A/S", PostingKind.INTERNSHIP, PostingStatus.OPEN, "Job", occupation,
                required, List.of(), HOME, 10, 37, 1, 0, support, Set.of(), false, List.of(), null);
    }

    @Test
    void theExplanationsComponentsSumToTheScoreUsedForRanking() {
        MatchCriteria c = criteria(Set.of("a"), Set.of(SupportKind.MENTOR));
        PostingFacts p = posting("432120", List.of("a", "b"), Set.of(SupportKind.MENTOR));
        double score = MatchScorer.score(c, p, 3.5f, true);
        MatchExplanation e = MatchScorer.explain(c, p, 3.5f, true, code -> code);
        assertEquals(score, e.components().stream().mapToDouble(ScoreComponent::points).sum(), 0.001);
        assertEquals(ScoreComponent.round(score), e.score());
    }

    @Test
    void aWantedOccupationOutranksAHeldOneWhichOutranksTheSameUnitGroup() {
        MatchCriteria c = criteria(Set.of(), Set.of());
        assertEquals(1.0, MatchScorer.occupationValue(c, "432110"));
        assertEquals(0.8, MatchScorer.occupationValue(c, "911210"), 1e-9);
        assertEquals(0.6, MatchScorer.occupationValue(c, "432190"), 1e-9);
        assertEquals(0.3, MatchScorer.occupationValue(c, "432210"), 1e-9);
    }

    @Test
    void supportNeedsOnlyEverRaiseAScore() {
        PostingFacts without = posting("432110", List.of(), Set.of());
        PostingFacts with = posting("432110", List.of(), Set.of(SupportKind.MENTOR));
        MatchCriteria needy = criteria(Set.of(), Set.of(SupportKind.MENTOR));
        MatchCriteria none = criteria(Set.of(), Set.of());
        assertEquals(MatchScorer.score(none, without, 0, false), MatchScorer.score(needy, without, 0, false), 1e-9,
                "an unmet need costs nothing");
        assertTrue(MatchScorer.score(needy, with, 0, true) > MatchScorer.score(needy, with, 0, false),
                "support fit weighs more for activity-ready citizens");
    }
}
