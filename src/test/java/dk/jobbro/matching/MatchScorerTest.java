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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorer as plain Java, with the numbers of config/scoring.yml: no context, no database, no index. */
class MatchScorerTest {

    static final ScoringWeights MODEL = ScoringModelFile.load();
    static final GeoPoint HOME = new GeoPoint(56.1567, 10.2108);

    static MatchCriteria criteria(Set<String> skills, Set<SupportKind> needs) {
        return criteria(skills, Set.of("432110"), Set.of("911210"), needs, SkillRarity.UNIFORM);
    }

    static MatchCriteria criteria(Set<String> skills, Set<String> wanted, Set<String> held, Set<SupportKind> needs,
                                  SkillRarity rarity) {
        MatchCriteria base = new MatchCriteria(EnumSet.allOf(PostingKind.class), HOME, 30, 37,
                EnumSet.noneOf(PhysicalDemand.class), true, Map.of("da", LanguageLevel.NATIVE),
                LocalDate.of(2026, 11, 23), skills, wanted, held, needs, "", MODEL);
        return new MatchCriteria(base.allowedKinds(), base.home(), base.maxDistanceKm(), base.maxHoursPerWeek(),
                base.excludedDemands(), base.hasDrivingLicence(), base.languages(), base.today(), base.skills(),
                base.occupationsWanted(), base.occupationsHeld(), base.supportNeeds(), base.text(), base.weights(),
                Set.of(), Map.of(), Map.of(), null, rarity,
                MatchCriteria.skillNorm(skills, rarity));
    }

    static PostingFacts posting(String occupation, List<String> required, Set<SupportKind> support) {
        return posting(occupation, required, List.of(), support);
    }

    static PostingFacts posting(String occupation, List<String> required, List<String> desired,
                                Set<SupportKind> support) {
        return new PostingFacts(1, 1, "A/S", PostingKind.INTERNSHIP, PostingStatus.OPEN, "Job", occupation,
                required, desired, HOME, 10, 37, 1, 0, support, Set.of(), false, List.of(), null);
    }

    @Test
    void theExplanationNamesEveryComponentAndItsPointsSumToTheScoreUsedForRanking() {
        MatchCriteria c = criteria(Set.of("a"), Set.of(SupportKind.MENTOR));
        PostingFacts p = posting("432120", List.of("a", "b"), Set.of(SupportKind.MENTOR));
        double score = MatchScorer.score(c, p, 3.5f, true);
        MatchExplanation e = MatchScorer.explain(c, p, 3.5f, true, code -> code);
        assertEquals(ScoringWeights.COMPONENTS, e.components().stream().map(ScoreComponent::name).toList());
        assertEquals(score, e.components().stream().mapToDouble(ScoreComponent::points).sum(), 0.001);
        assertEquals(ScoreComponent.round(score), e.score());
    }

    @Test
    void aWantedOccupationIsAGoalItsUnitGroupAndMinorGroupCountLess() {
        MatchCriteria c = criteria(Set.of(), Set.of());
        assertEquals(1.0, MatchScorer.occupationValue(c, "432110"));
        assertEquals(MODEL.occupationSameUnitGroup(), MatchScorer.occupationValue(c, "432190"), 1e-9);
        assertEquals(MODEL.occupationSameMinorGroup(), MatchScorer.occupationValue(c, "432210"), 1e-9);
        assertEquals(0, MatchScorer.occupationValue(c, "911210"), 1e-9, "a held occupation is not a goal");
    }

    @Test
    void aHeldOccupationIsEvidenceWorthFarLessThanAWishAndBarelyMoreThanItsFamily() {
        MatchCriteria heldOnly = criteria(Set.of(), Set.of(), Set.of("911210"), Set.of(), SkillRarity.UNIFORM);
        MatchCriteria wanting = criteria(Set.of(), Set.of("911210"), Set.of(), Set.of(), SkillRarity.UNIFORM);
        PostingFacts oldJob = posting("911210", List.of(), Set.of());
        PostingFacts sibling = posting("911290", List.of(), Set.of());
        double held = MatchScorer.score(heldOnly, oldJob, 0, false);
        double wished = MatchScorer.score(wanting, oldJob, 0, false);
        assertTrue(wished - held >= MODEL.occupation() - MODEL.experience(), "a wish counts far more: " + wished
                + " against " + held);
        double familyGap = MatchScorer.score(heldOnly, oldJob, 0, false) - MatchScorer.score(heldOnly, sibling, 0, false);
        assertTrue(familyGap > 0 && familyGap <= 0.25 * MODEL.experience(),
                "the old job's own postings barely beat its siblings: " + familyGap);
    }

    @Test
    void aRareSkillDiscriminatesMoreThanOneOnEveryPosting() {
        SkillRarity rarity = s -> s.equals("use-a-computer") ? 0.1 : 3.0;
        MatchCriteria c = criteria(Set.of("use-a-computer", "veterinary-dentistry"), Set.of(), Set.of(), Set.of(),
                rarity);
        PostingFacts common = posting("225010", List.of("use-a-computer", "x"), Set.of());
        PostingFacts rare = posting("225020", List.of("veterinary-dentistry", "x"), Set.of());
        assertTrue(MatchScorer.skillValue(c, rare) > 5 * MatchScorer.skillValue(c, common));
    }

    @Test
    void neitherAShortNorALongSkillListWinsByLength() {
        MatchCriteria c = criteria(Set.of("a", "b", "c", "d"), Set.of(), Set.of(), Set.of(), SkillRarity.UNIFORM);
        PostingFacts short1 = posting("1", List.of("a"), Set.of());
        PostingFacts matchingFour = posting("1", List.of("a", "b", "c", "d", "e"), Set.of());
        PostingFacts padded = posting("1", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"),
                Set.of());
        assertTrue(MatchScorer.skillValue(c, matchingFour) > MatchScorer.skillValue(c, short1),
                "one matched skill on a short posting is less evidence than four on a longer one");
        assertTrue(MatchScorer.skillValue(c, matchingFour) > MatchScorer.skillValue(c, padded),
                "listing many skills the citizen lacks does not help");
        assertEquals(1.0, MatchScorer.skillValue(c, posting("1", List.of("a", "b", "c", "d"), Set.of())), 1e-9);
    }

    @Test
    void repeatedEvidenceCountsOnceAndEveryValueStaysWithinOne() {
        MatchCriteria c = criteria(Set.of("a", "b"), Set.of(), Set.of(), Set.of(), SkillRarity.UNIFORM);
        PostingFacts twice = posting("1", List.of("a", "b"), List.of("a", "b"), Set.of());
        PostingFacts once = posting("1", List.of("a", "b"), Set.of());
        assertEquals(MatchScorer.skillValue(c, once), MatchScorer.skillValue(c, twice), 1e-9);
        assertTrue(MatchScorer.skillValue(c, twice) <= 1.0);
        MatchExplanation e = MatchScorer.explain(c, twice, 0, false, code -> code);
        assertEquals(2, e.matchedSkills().size(), "a skill listed twice is named once");
    }

    @Test
    void aDesiredSkillWeighsItsConfiguredShareOfARequiredOne() {
        MatchCriteria c = criteria(Set.of("a"), Set.of(), Set.of(), Set.of(), SkillRarity.UNIFORM);
        double required = MatchScorer.skillValue(c, posting("1", List.of("a", "b"), Set.of()));
        double desired = MatchScorer.skillValue(c, posting("1", List.of("b"), List.of("a"), Set.of()));
        assertTrue(desired < required && desired > 0, desired + " vs " + required);
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

    @Test
    void everyNumberOfTheModelIsInTheConfigurationFileAndNothingElseIs() {
        // ScoringModelFile.load refuses a missing key and a key no component reads; this pins that it does.
        Map<String, Object> keys = ScoringModelFile.keys();
        assertEquals(ScoringWeights.class.getRecordComponents().length, keys.size());
        assertThrows(IllegalArgumentException.class, () -> MODEL.with("noSuchNumber", 1));
        assertEquals(0.0, MODEL.with("skills", 0).skills());
    }
}
