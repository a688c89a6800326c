package dk.jobbro.matching;

import dk.jobbro.citizen.HealthLimitation;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dk.jobbro.matching.CitizenFixture.TODAY;
import static dk.jobbro.matching.CitizenFixture.aJobReadyCitizen;
import static dk.jobbro.matching.CitizenFixture.aSickListedCitizen;
import static dk.jobbro.matching.CitizenFixture.anActivityReadyCitizen;
import static dk.jobbro.matching.CitizenFixture.anInsuredUnemployedCitizen;
import static dk.jobbro.matching.Occupations.CLEANER;
import static dk.jobbro.matching.Occupations.WAREHOUSE_WORKER;
import static dk.jobbro.matching.PostingFixture.aWageSubsidySlot;
import static dk.jobbro.matching.PostingFixture.anInternship;
import static dk.jobbro.matching.PostingFixture.anOrdinaryJob;
import static dk.jobbro.matching.Town.AARHUS;
import static dk.jobbro.matching.Town.RANDERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every hard rule as a plain-Java specification: kept, broken, and at its boundary, with the Danish reason and
 * what would change it. No context, no database, no index ({@code PostingRuleFiltersTest} holds the index to the
 * same answers).
 */
class EligibilitySpecificationTest {

    static Set<HardRule> broken(CitizenFixture citizen, PostingFixture posting) {
        return Eligibility.check(citizen.criteria(), posting.facts()).stream().map(Exclusion::rule)
                .collect(Collectors.toSet());
    }

    static Exclusion onlyExclusion(CitizenFixture citizen, PostingFixture posting) {
        List<Exclusion> exclusions = Eligibility.check(citizen.criteria(), posting.facts());
        assertEquals(1, exclusions.size(), exclusions.toString());
        return exclusions.get(0);
    }

    @Test
    void anOpenPostingWithAFreeSlotNearbyBreaksNoRule() {
        assertEquals(Set.of(), broken(anActivityReadyCitizen().livingIn(AARHUS).wanting(WAREHOUSE_WORKER),
                anInternship().at(AARHUS).requiring("forklift-operation")));
    }

    @Test
    void aDraftOrClosedPostingIsNotOpen() {
        for (PostingStatus status : List.of(PostingStatus.DRAFT, PostingStatus.CLOSED, PostingStatus.EXPIRED)) {
            Exclusion x = onlyExclusion(aJobReadyCitizen(), anOrdinaryJob().inStatus(status));
            assertEquals(HardRule.NOT_OPEN, x.rule());
            assertTrue(x.text().contains(status.name()), x.text());
        }
    }

    @Test
    void aPostingIsMatchedWhileOneSlotIsFreeAndNotWhenTheLastIsFilled() {
        assertEquals(Set.of(), broken(aJobReadyCitizen(), anInternship().withSlots(3, 2)));
        Exclusion x = onlyExclusion(aJobReadyCitizen(), anInternship().withSlots(3, 3));
        assertEquals(HardRule.NO_FREE_SLOT, x.rule());
        assertEquals("Alle 3 pladser er besat", x.text());
    }

    @Test
    void aFilledPostingIsBothFilledAndNoLongerOpen() {
        assertEquals(Set.of(HardRule.NOT_OPEN, HardRule.NO_FREE_SLOT),
                broken(aJobReadyCitizen(), anInternship().withSlots(2, 2).inStatus(PostingStatus.FILLED)));
    }

    @Test
    void theApplicationDeadlineIsTheLastDayAPostingIsMatched() {
        assertEquals(Set.of(), broken(aJobReadyCitizen().on(TODAY), anOrdinaryJob().withDeadline(TODAY)));
        assertEquals(Set.of(), broken(aJobReadyCitizen().on(TODAY), anOrdinaryJob().withDeadline(TODAY.plusDays(1))));
        Exclusion x = onlyExclusion(aJobReadyCitizen().on(TODAY), anOrdinaryJob().withDeadline(TODAY.minusDays(1)));
        assertEquals(HardRule.DEADLINE_PASSED, x.rule());
        assertEquals("Virksomheden forlænger ansøgningsfristen", x.wouldMatchIf());
    }

    @Test
    void aCitizenOnSicknessBenefitCanTakeAnInternshipButNotAWageSubsidySlot() {
        assertEquals(Set.of(), broken(aSickListedCitizen(), anInternship()));
        Exclusion x = onlyExclusion(aSickListedCitizen(), aWageSubsidySlot());
        assertEquals(HardRule.KIND_NOT_ALLOWED, x.rule());
        assertEquals("Borgerens målgruppe kan ikke tilbydes løntilskud", x.text());
    }

    @Test
    void anInsuredUnemployedCitizenMayBeOfferedEveryKind() {
        CitizenFixture citizen = anInsuredUnemployedCitizen();
        assertEquals(Set.of(), broken(citizen, anOrdinaryJob()));
        assertEquals(Set.of(), broken(citizen, anInternship()));
        assertEquals(Set.of(), broken(citizen, aWageSubsidySlot()));
    }

    @Test
    void aWorkplaceExactlyAtTheCommuteLimitIsWithinItAndOneJustBeyondIsTooFar() {
        double km = AARHUS.kmTo(RANDERS);
        assertEquals(Set.of(), broken(aJobReadyCitizen().livingIn(AARHUS).commutingAtMost(km), anInternship().at(RANDERS)));
        Exclusion x = onlyExclusion(aJobReadyCitizen().livingIn(AARHUS).commutingAtMost(km - 0.01),
                anInternship().at(RANDERS));
        assertEquals(HardRule.TOO_FAR, x.rule());
        assertTrue(x.text().startsWith("Arbejdsstedet ligger " + String.format("%.1f", km).replace('.', ',') + " km"),
                "a decimal comma: " + x.text());
        assertEquals(Math.ceil(km), x.threshold());
        assertEquals("Borgeren kan pendle " + (int) Math.ceil(km) + " km", x.wouldMatchIf());
    }

    @Test
    void aPostingNeedingExactlyTheCitizensMaximumHoursFitsAndOneHourMoreDoesNot() {
        assertEquals(Set.of(), broken(aSickListedCitizen().workingAtMost(15), anInternship().hours(15, 20)));
        Exclusion x = onlyExclusion(aSickListedCitizen().workingAtMost(15), anInternship().hours(16, 20));
        assertEquals(HardRule.TOO_MANY_HOURS, x.rule());
        assertEquals(16.0, x.threshold());
    }

    @Test
    void aGradualStartMakesMoreHoursThanTheCitizenCanWorkCompatible() {
        assertEquals(Set.of(), broken(aSickListedCitizen().workingAtMost(10),
                anInternship().hours(30, 37).offering(SupportKind.GRADUAL_START)));
    }

    @Test
    void aHealthLimitationRulesOutItsPhysicalDemandAndOnlyThat() {
        CitizenFixture citizen = anActivityReadyCitizen().limitedBy(HealthLimitation.NO_HEAVY_LIFTING);
        assertEquals(Set.of(), broken(citizen, anInternship().demanding(PhysicalDemand.PROLONGED_STANDING)));
        Exclusion x = onlyExclusion(citizen, anInternship().demanding(PhysicalDemand.HEAVY_LIFTING,
                PhysicalDemand.PROLONGED_STANDING));
        assertEquals(HardRule.PHYSICAL_DEMAND, x.rule());
        assertEquals("Jobbet indebærer tunge løft, som borgeren ikke kan", x.text());
    }

    @Test
    void needingBreaksRulesOutNoDemand() {
        CitizenFixture citizen = anActivityReadyCitizen().limitedBy(HealthLimitation.NEEDS_BREAKS);
        assertEquals(Set.of(), broken(citizen, anInternship().demanding(PhysicalDemand.values())));
    }

    @Test
    void aRequiredDrivingLicenceExcludesOnlyCitizensWithoutOne() {
        assertEquals(Set.of(), broken(aJobReadyCitizen(), anOrdinaryJob().requiringDrivingLicence()));
        assertEquals(Set.of(), broken(aJobReadyCitizen().withoutDrivingLicence(), anOrdinaryJob()));
        assertEquals(HardRule.DRIVING_LICENCE,
                onlyExclusion(aJobReadyCitizen().withoutDrivingLicence(), anOrdinaryJob().requiringDrivingLicence())
                        .rule());
    }

    @Test
    void aLanguageLevelExactlyMetIsMetAndOneBelowIsNot() {
        CitizenFixture intermediate = aJobReadyCitizen().speakingNothingBut("da", LanguageLevel.INTERMEDIATE);
        assertEquals(Set.of(), broken(intermediate, anOrdinaryJob().requiringLanguage("da", LanguageLevel.INTERMEDIATE)));
        assertEquals(Set.of(), broken(intermediate, anOrdinaryJob().requiringLanguage("da", LanguageLevel.BASIC)));
        Exclusion x = onlyExclusion(intermediate, anOrdinaryJob().requiringLanguage("da", LanguageLevel.FLUENT));
        assertEquals(HardRule.LANGUAGE, x.rule());
        assertEquals("Jobbet kræver sproget 'da' på niveau FLUENT; borgeren har INTERMEDIATE", x.text());
    }

    @Test
    void aLanguageTheCitizenDoesNotSpeakIsNotMetAtAnyLevel() {
        Exclusion x = onlyExclusion(aJobReadyCitizen().speakingNothingBut("da", LanguageLevel.NATIVE),
                anOrdinaryJob().requiringLanguage("de", LanguageLevel.BASIC));
        assertEquals(HardRule.LANGUAGE, x.rule());
        assertEquals("Jobbet kræver sproget 'de' på niveau BASIC", x.text());
    }

    @Test
    void anEmployerWithoutHeadroomUnderTheRatioRuleGetsNoPlacementsButKeepsItsOrdinaryJobs() {
        CitizenFixture citizen = aJobReadyCitizen().whileEmployerHasNoHeadroom(7);
        assertEquals(HardRule.NO_CAPACITY, onlyExclusion(citizen, anInternship().byEmployer(7)).rule());
        assertEquals(HardRule.NO_CAPACITY, onlyExclusion(citizen, aWageSubsidySlot().byEmployer(7)).rule());
        assertEquals(Set.of(), broken(citizen, anOrdinaryJob().byEmployer(7)));
        assertEquals(Set.of(), broken(citizen, anInternship().byEmployer(8)));
    }

    @Test
    void aConsultantsNotForThisCitizenExcludesTheEmployerOrTheOccupationWithItsReason() {
        Exclusion employer = onlyExclusion(aJobReadyCitizen().notForEmployer(7, "Tidligere forløb gik dårligt"),
                anOrdinaryJob().byEmployer(7));
        assertEquals(HardRule.NOT_FOR_CITIZEN, employer.rule());
        assertTrue(employer.text().endsWith(": Tidligere forløb gik dårligt"), employer.text());
        Exclusion occupation = onlyExclusion(aJobReadyCitizen().notForOccupation(CLEANER, "Allergi over for rengøringsmidler"),
                anOrdinaryJob().forOccupation(CLEANER));
        assertEquals(HardRule.NOT_FOR_CITIZEN, occupation.rule());
        assertEquals(Set.of(), broken(aJobReadyCitizen().notForOccupation(CLEANER, "x"), anOrdinaryJob()));
    }

    @Test
    void everyBrokenRuleIsNamedInTheOrderOfTheRules() {
        List<HardRule> rules = Eligibility.check(aSickListedCitizen().workingAtMost(10).withoutDrivingLicence()
                        .commutingAtMost(5).criteria(),
                aWageSubsidySlot().at(RANDERS).hours(30, 37).requiringDrivingLicence().withSlots(1, 1).facts())
                .stream().map(Exclusion::rule).toList();
        assertEquals(List.of(HardRule.NO_FREE_SLOT, HardRule.KIND_NOT_ALLOWED, HardRule.TOO_FAR,
                HardRule.TOO_MANY_HOURS, HardRule.DRIVING_LICENCE), rules);
    }

    @Test
    void aPostingBreakingEveryRuleIsExcludedByEachAndEachSaysWhatWouldChangeIt() {
        List<Exclusion> all = Eligibility.check(aSickListedCitizen().workingAtMost(10).withoutDrivingLicence()
                        .commutingAtMost(5).limitedBy(HealthLimitation.NO_NIGHT_SHIFTS).on(TODAY)
                        .speakingNothingBut("da", LanguageLevel.BASIC).whileEmployerHasNoHeadroom(3)
                        .notForEmployer(3, "Nej").notForOccupation(CLEANER, "Nej").criteria(),
                aWageSubsidySlot().byEmployer(3).forOccupation(CLEANER).at(RANDERS).hours(30, 37)
                        .requiringDrivingLicence().withSlots(1, 1).inStatus(PostingStatus.FILLED)
                        .withDeadline(TODAY.minusDays(3)).demanding(PhysicalDemand.NIGHT_SHIFTS)
                        .requiringLanguage("da", LanguageLevel.FLUENT).facts());
        assertEquals(Set.of(HardRule.values()), all.stream().map(Exclusion::rule).collect(Collectors.toSet()),
                "one posting breaking every rule");
        for (Exclusion x : all) {
            assertTrue(!x.text().isBlank() && !x.wouldMatchIf().isBlank(), x.toString());
        }
    }
}
