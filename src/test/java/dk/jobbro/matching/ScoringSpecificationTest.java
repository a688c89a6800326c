package dk.jobbro.matching;

import dk.jobbro.vocabulary.SupportKind;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dk.jobbro.matching.CitizenFixture.MODEL;
import static dk.jobbro.matching.CitizenFixture.aJobReadyCitizen;
import static dk.jobbro.matching.CitizenFixture.anActivityReadyCitizen;
import static dk.jobbro.matching.Occupations.CLEANER;
import static dk.jobbro.matching.Occupations.COOK;
import static dk.jobbro.matching.Occupations.PRODUCTION_CLERK;
import static dk.jobbro.matching.Occupations.STOCK_CLERK;
import static dk.jobbro.matching.Occupations.WAREHOUSE_WORKER;
import static dk.jobbro.matching.Occupations.WINDOW_CLEANER;
import static dk.jobbro.matching.PostingFixture.anInternship;
import static dk.jobbro.matching.Town.AALBORG;
import static dk.jobbro.matching.Town.AARHUS;
import static dk.jobbro.matching.Town.RANDERS;
import static dk.jobbro.matching.Town.VIBY_J;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scorer as plain-Java specifications, with the numbers of config/scoring.yml: no context, no database, no
 * index. Each component's direction, the components summing to the score, IDF, length normalisation, and
 * evidence (a held occupation) against a goal (a wish).
 */
class ScoringSpecificationTest {

    static double score(CitizenFixture citizen, PostingFixture posting) {
        return score(citizen, posting, 0);
    }

    static double score(CitizenFixture citizen, PostingFixture posting, float textScore) {
        return MatchScorer.score(citizen.criteria(), posting.facts(), textScore, citizen.activityReady());
    }

    static double component(CitizenFixture citizen, PostingFixture posting, String name) {
        return component(citizen, posting, 0, name);
    }

    static double component(CitizenFixture citizen, PostingFixture posting, float textScore, String name) {
        return MatchScorer.explain(citizen.criteria(), posting.facts(), textScore, citizen.activityReady(), s -> s)
                .components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().value();
    }

    @Test
    void theExplanationNamesEveryComponentAndItsPointsSumToTheScoreUsedForRanking() {
        CitizenFixture citizen = anActivityReadyCitizen().livingIn(AARHUS).wanting(WAREHOUSE_WORKER)
                .havingWorkedAs(WAREHOUSE_WORKER).skilledIn("forklift-operation").needing(SupportKind.MENTOR)
                .workingAtMost(20);
        PostingFixture posting = anInternship().at(VIBY_J).forOccupation(STOCK_CLERK)
                .requiring("forklift-operation", "inventory").hours(25, 30)
                .offering(SupportKind.MENTOR, SupportKind.GRADUAL_START);
        MatchExplanation e = MatchScorer.explain(citizen.criteria(), posting.facts(), 3.5f, true, s -> s);
        assertEquals(ScoringWeights.COMPONENTS, e.components().stream().map(ScoreComponent::name).toList());
        double score = score(citizen, posting, 3.5f);
        assertEquals(score, e.components().stream().mapToDouble(ScoreComponent::points).sum(), 0.001);
        assertEquals(ScoreComponent.round(score), e.score());
        assertTrue(e.components().stream().allMatch(c -> c.value() > 0), "every component contributes: " + e);
        assertEquals("Afstand 4,3 km hjemmefra", e.components().get(4).text(), "Danish, with a decimal comma");
        assertTrue(e.components().get(0).text().startsWith("Kompetencer: 1 matcher, 1 væsentlig mangler"),
                e.components().get(0).text());
    }

    @Test
    void moreOfThePostingsSkillsHeldMeansAHigherSkillValue() {
        PostingFixture posting = anInternship().requiring("a", "b", "c");
        double none = component(aJobReadyCitizen(), posting, "skills");
        double one = component(aJobReadyCitizen().skilledIn("a"), posting, "skills");
        double two = component(aJobReadyCitizen().skilledIn("a", "b"), posting, "skills");
        double all = component(aJobReadyCitizen().skilledIn("a", "b", "c"), posting, "skills");
        assertTrue(none < one && one < two && two < all, none + " < " + one + " < " + two + " < " + all);
        assertEquals(1.0, all, 1e-4);
    }

    @Test
    void aWantedOccupationIsAGoalItsUnitGroupAndMinorGroupCountLess() {
        CitizenFixture citizen = aJobReadyCitizen().wanting(WAREHOUSE_WORKER);
        assertEquals(1.0, component(citizen, anInternship().forOccupation(WAREHOUSE_WORKER), "occupation"));
        assertEquals(MODEL.occupationSameUnitGroup(),
                component(citizen, anInternship().forOccupation(STOCK_CLERK), "occupation"), 1e-4);
        assertEquals(MODEL.occupationSameMinorGroup(),
                component(citizen, anInternship().forOccupation(PRODUCTION_CLERK), "occupation"), 1e-4);
        assertEquals(0.0, component(citizen, anInternship().forOccupation(COOK), "occupation"));
        assertTrue(1.0 > MODEL.occupationSameUnitGroup() && MODEL.occupationSameUnitGroup() > MODEL.occupationSameMinorGroup());
    }

    @Test
    void experienceFromTheSameOccupationOrItsUnitGroupCountsMostThenItsMinorGroup() {
        CitizenFixture citizen = aJobReadyCitizen().havingWorkedAs(WAREHOUSE_WORKER);
        double same = component(citizen, anInternship().forOccupation(WAREHOUSE_WORKER), "experience");
        double unit = component(citizen, anInternship().forOccupation(STOCK_CLERK), "experience");
        double minor = component(citizen, anInternship().forOccupation(PRODUCTION_CLERK), "experience");
        double none = component(citizen, anInternship().forOccupation(COOK), "experience");
        assertTrue(same >= unit && unit > minor && minor > none && none == 0, same + ", " + unit + ", " + minor);
        assertEquals(MODEL.experienceSameOccupation(), same, 1e-9);
        assertEquals(MODEL.experienceSameUnitGroup(), unit, 1e-9);
        assertEquals(0.0, component(citizen, anInternship().forOccupation(WAREHOUSE_WORKER), "occupation"),
                "a held occupation is not a goal");
    }

    @Test
    void theTextIsTheLabelOfWhatTheCitizenWantsNeverOfAnOldJob() {
        dk.jobbro.citizen.Citizen citizen = new dk.jobbro.citizen.Citizen(1L, "Test Testesen", "Aarhus",
                dk.jobbro.citizen.TargetGroup.INSURED_UNEMPLOYED, "8000", 56.15, 10.2, 30, 37, null,
                java.util.List.of(), java.util.List.of(CLEANER), java.util.List.of(WAREHOUSE_WORKER),
                java.util.List.of(), java.util.List.of(), true, java.util.List.of(), true, java.time.Instant.EPOCH,
                java.time.Instant.EPOCH);
        CitizenFacts facts = CitizenMatchProfile.facts(citizen, java.util.List.of(), code -> "label-" + code,
                code -> code);
        assertEquals("label-" + WAREHOUSE_WORKER, facts.text(), "the wanted occupation's label, not the held one's");
    }

    @Test
    void aHeldOccupationIsEvidenceWorthFarLessThanAWishAndAtMostBarelyMoreThanItsFamily() {
        PostingFixture oldJob = anInternship().forOccupation(CLEANER);
        PostingFixture sibling = anInternship().forOccupation(WINDOW_CLEANER);
        CitizenFixture heldOnly = aJobReadyCitizen().havingWorkedAs(CLEANER);
        double held = score(heldOnly, oldJob);
        double wished = score(aJobReadyCitizen().wanting(CLEANER), oldJob);
        assertTrue(wished - held >= MODEL.occupation() - MODEL.experience(), "a wish counts far more: " + wished
                + " against " + held);
        double familyGap = held - score(heldOnly, sibling);
        assertTrue(familyGap >= 0 && familyGap <= 0.25 * MODEL.experience(),
                "the old job's own postings beat its siblings by a hair at most: " + familyGap);
    }

    @Test
    void moreTextRelevanceMeansMoreTextPointsButNeverMoreThanTheWeight() {
        PostingFixture posting = anInternship();
        CitizenFixture citizen = aJobReadyCitizen();
        double none = component(citizen, posting, 0f, "text");
        double some = component(citizen, posting, 2f, "text");
        double much = component(citizen, posting, 50f, "text");
        assertTrue(none == 0 && none < some && some < much && much < 1, none + " < " + some + " < " + much);
    }

    @Test
    void aNearerWorkplaceScoresHigherOnDistance() {
        CitizenFixture citizen = aJobReadyCitizen().livingIn(AARHUS).commutingAtMost(200);
        double here = component(citizen, anInternship().at(AARHUS), "distance");
        double viby = component(citizen, anInternship().at(VIBY_J), "distance");
        double randers = component(citizen, anInternship().at(RANDERS), "distance");
        double aalborg = component(citizen, anInternship().at(AALBORG), "distance");
        assertTrue(here == 1.0 && here > viby && viby > randers && randers > aalborg,
                here + " > " + viby + " > " + randers + " > " + aalborg);
        assertEquals(0.5, MatchScorer.distanceValue(MODEL.distancePivotKm(), MODEL.distancePivotKm()), 1e-9,
                "at the pivot distance the value is halved");
    }

    @Test
    void hoursWithinTheCitizensMaximumScoreFullyAndAGradualStartLess() {
        CitizenFixture citizen = aJobReadyCitizen().workingAtMost(20);
        double fits = component(citizen, anInternship().hours(20, 30), "hours");
        double gradual = component(citizen, anInternship().hours(30, 37).offering(SupportKind.GRADUAL_START), "hours");
        assertEquals(1.0, fits);
        assertEquals(MODEL.hoursGradualStart(), gradual, 1e-4);
        assertTrue(gradual < fits);
    }

    @Test
    void supportNeedsOnlyEverRaiseAScoreAndMoreCoveredNeedsRaiseItMore() {
        PostingFixture without = anInternship();
        PostingFixture mentor = anInternship().offering(SupportKind.MENTOR);
        PostingFixture both = anInternship().offering(SupportKind.MENTOR, SupportKind.QUIET_WORKPLACE);
        CitizenFixture needy = anActivityReadyCitizen().needing(SupportKind.MENTOR, SupportKind.QUIET_WORKPLACE);
        assertEquals(score(anActivityReadyCitizen(), without), score(needy, without), 1e-9, "an unmet need costs nothing");
        assertTrue(score(needy, without) < score(needy, mentor) && score(needy, mentor) < score(needy, both));
        assertEquals(0.5, component(needy, mentor, "support"), 1e-4);
        double activityReadyGain = score(needy, both) - score(needy, without);
        CitizenFixture jobReady = aJobReadyCitizen().needing(SupportKind.MENTOR, SupportKind.QUIET_WORKPLACE);
        double jobReadyGain = score(jobReady, both) - score(jobReady, without);
        assertTrue(activityReadyGain > jobReadyGain, "support fit weighs more for activity-ready citizens");
    }

    @Test
    void aRareSkillLiftsAPostingMoreThanACommonOne() {
        SkillRarity rarity = s -> s.equals("use-a-computer") ? 0.1 : 3.0;
        CitizenFixture citizen = aJobReadyCitizen().skilledIn("use-a-computer", "veterinary-dentistry")
                .withSkillRarity(rarity);
        PostingFixture common = anInternship().requiring("use-a-computer", "x");
        PostingFixture rare = anInternship().requiring("veterinary-dentistry", "x");
        assertTrue(component(citizen, rare, "skills") > 5 * component(citizen, common, "skills"));
        assertTrue(score(citizen, rare) > score(citizen, common));
    }

    @Test
    void neitherAShortNorALongSkillListWinsByLength() {
        CitizenFixture citizen = aJobReadyCitizen().skilledIn("a", "b", "c", "d");
        PostingFixture shortList = anInternship().requiring("a");
        PostingFixture matchingFour = anInternship().requiring("a", "b", "c", "d", "e");
        PostingFixture padded = anInternship().requiring("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        assertTrue(component(citizen, matchingFour, "skills") > component(citizen, shortList, "skills"),
                "one matched skill on a short posting is less evidence than four on a longer one");
        assertTrue(component(citizen, matchingFour, "skills") > component(citizen, padded, "skills"),
                "listing many skills the citizen lacks does not help");
        assertEquals(1.0, component(citizen, anInternship().requiring("a", "b", "c", "d"), "skills"), 1e-4);
    }

    @Test
    void repeatedEvidenceCountsOnceAndEveryValueStaysWithinOne() {
        CitizenFixture citizen = aJobReadyCitizen().skilledIn("a", "b");
        PostingFixture twice = anInternship().requiring("a", "b").desiring("a", "b");
        PostingFixture once = anInternship().requiring("a", "b");
        assertEquals(component(citizen, once, "skills"), component(citizen, twice, "skills"), 1e-9);
        assertTrue(component(citizen, twice, "skills") <= 1.0);
        MatchExplanation e = MatchScorer.explain(citizen.criteria(), twice.facts(), 0, false, s -> s);
        assertEquals(2, e.matchedSkills().size(), "a skill listed twice is named once");
    }

    @Test
    void aDesiredSkillWeighsItsConfiguredShareOfARequiredOne() {
        for (double share : new double[] {0.5, MODEL.skillDesiredShare()}) {
            CitizenFixture citizen = aJobReadyCitizen().skilledIn("a").scoredWith(MODEL.with("skillDesiredShare", share));
            double required = component(citizen, anInternship().requiring("a", "b"), "skills");
            double desired = component(citizen, anInternship().requiring("b").desiring("a"), "skills");
            // Two skills of IDF 1 (components are rounded to 4 decimals): required a·(1, 1) / sqrt(2); desired share·1 / sqrt(1 + share²).
            assertEquals(1 / Math.sqrt(2), required, 1e-4);
            assertEquals(share / Math.sqrt(1 + share * share), desired, 1e-4, "share " + share);
        }
    }

    @Test
    void theOccupationsUnnamedEssentialSkillsCountAtTheirShareSoAShortPostingIsNotMatchedOnTwoSkillsAlone() {
        // The employer names two skills; the occupation needs three more. A citizen with the trade's other skills
        // is evidence too, and one who happens to hold the two named ones no longer wins outright.
        PostingFixture shortPosting = anInternship().requiring("a", "b").typicallyNeeding("c", "d", "e");
        CitizenFixture namedOnly = aJobReadyCitizen().skilledIn("a", "b");
        CitizenFixture trade = aJobReadyCitizen().skilledIn("c", "d", "e");
        double typical = MODEL.skillOccupationShare();
        assertEquals(2 / Math.sqrt(2 + 3 * typical * typical) / Math.sqrt(2), component(namedOnly, shortPosting, "skills"), 1e-4);
        assertEquals(3 * typical / Math.sqrt(2 + 3 * typical * typical) / Math.sqrt(3), component(trade, shortPosting, "skills"), 1e-4);
        assertTrue(component(trade, shortPosting, "skills") > 0, "the trade's skills count");
        MatchExplanation e = MatchScorer.explain(trade.criteria(), shortPosting.facts(), 0, false, s -> s);
        assertEquals(3, e.matchedSkills().size());
        assertEquals(2, e.missingSkills().size(), "only what the employer named can be missing");
        assertTrue(e.components().get(0).text().contains("3 typisk for faget, ikke nævnt i opslaget"),
                e.components().get(0).text());
        CitizenFixture off = trade.scoredWith(MODEL.with("skillOccupationShare", 0));
        assertEquals(0.0, component(off, shortPosting, "skills"), "share 0: the posting's own skills only");
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
