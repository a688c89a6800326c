package dk.jobbro.matching;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenSkill;
import dk.jobbro.citizen.HealthLimitation;
import dk.jobbro.citizen.NotForCitizen;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns a citizen's profile into {@link MatchCriteria}: the one place that reads a citizen for matching. */
final class CitizenMatchProfile {

    private CitizenMatchProfile() {
    }

    static MatchCriteria criteria(Citizen c, EligibilityPolicy policy, ScoringWeights weights, Taxonomy taxonomy,
                                  LocalDate today, Set<Long> employersWithoutCapacity, List<NotForCitizen> notFor,
                                  SkillRarity rarity) {
        Map<Long, String> notForEmployers = new HashMap<>();
        Map<String, String> notForOccupations = new HashMap<>();
        for (NotForCitizen n : notFor) {
            if (n.employerId() != null) {
                notForEmployers.merge(n.employerId(), n.reason(), (a, b) -> a + "; " + b);
            } else if (n.occupationCode() != null) {
                notForOccupations.merge(n.occupationCode(), n.reason(), (a, b) -> a + "; " + b);
            }
        }
        Set<PhysicalDemand> excluded = EnumSet.noneOf(PhysicalDemand.class);
        Set<SupportKind> needs = EnumSet.noneOf(SupportKind.class);
        needs.addAll(c.supportNeeds());
        for (HealthLimitation limitation : c.healthLimitations()) {
            limitation.rulesOut().ifPresent(excluded::add);
            limitation.asksFor().ifPresent(needs::add);
        }
        Map<String, LanguageLevel> languages = new HashMap<>();
        for (LanguageSkill l : c.languages()) {
            languages.merge(l.language(), l.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        Set<String> skills = c.skills().stream().map(CitizenSkill::code).collect(Collectors.toCollection(LinkedHashSet::new));
        // Text relevance: the labels of what the citizen wants. A held occupation's label is not a goal: it would
        // favour the old job's postings twice (experience already counts it).
        StringBuilder text = new StringBuilder();
        c.occupationsWanted().forEach(code -> text.append(taxonomy.occupationLabel(code)).append(' '));
        return new MatchCriteria(policy.allowedKinds(c.targetGroup()), c.home(), c.maxCommuteKm(),
                c.maxHoursPerWeek(), excluded, c.drivingLicence(), languages, today, skills,
                new LinkedHashSet<>(c.occupationsWanted()), new LinkedHashSet<>(c.occupationsHeld()), needs,
                text.toString().strip(), weights, employersWithoutCapacity,
                Map.copyOf(notForEmployers), Map.copyOf(notForOccupations),
                policy.internshipMaxWeeks(c.targetGroup()), rarity, MatchCriteria.skillNorm(skills, rarity));
    }
}
