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
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Turns a citizen's profile into {@link MatchCriteria}: the one place that reads a citizen for matching. */
public final class CitizenMatchProfile {

    private CitizenMatchProfile() {
    }

    static MatchCriteria criteria(Citizen c, EligibilityPolicy policy, ScoringWeights weights, Taxonomy taxonomy,
                                  LocalDate today, Set<Long> employersWithoutCapacity, List<NotForCitizen> notFor,
                                  SkillRarity rarity) {
        return criteria(facts(c, notFor, taxonomy::occupationLabel, UnaryOperator.identity()), policy, weights,
                today, employersWithoutCapacity, rarity);
    }

    /** The criteria of a citizen's facts on a day, under these weights and the skill rarity of now. */
    static MatchCriteria criteria(CitizenFacts f, EligibilityPolicy policy, ScoringWeights weights, LocalDate today,
                                  Set<Long> employersWithoutCapacity, SkillRarity rarity) {
        return new MatchCriteria(policy.allowedKinds(f.targetGroup()), f.home(), f.maxCommuteKm(),
                f.maxHoursPerWeek(), f.excludedDemands(), f.drivingLicence(), f.languages(), today, f.skills(),
                f.occupationsWanted(), f.occupationsHeld(), f.supportNeeds(), f.text(), weights,
                employersWithoutCapacity, f.notForEmployers(), f.notForOccupations(),
                policy.internshipMaxWeeks(f.targetGroup()), rarity, MatchCriteria.skillNorm(f.skills(), rarity));
    }

    /**
     * The facts matching reads of a citizen. {@code intern} maps each code to one shared instance, so that 300,000
     * citizens in memory do not hold 300,000 copies of "forklift-operation".
     */
    public static CitizenFacts facts(Citizen c, List<NotForCitizen> notFor, UnaryOperator<String> occupationLabel,
                                     UnaryOperator<String> intern) {
        Map<Long, String> notForEmployers = new HashMap<>();
        Map<String, String> notForOccupations = new HashMap<>();
        for (NotForCitizen n : notFor) {
            if (n.employerId() != null) {
                notForEmployers.merge(n.employerId(), n.reason(), (a, b) -> a + "; " + b);
            } else if (n.occupationCode() != null) {
                notForOccupations.merge(intern.apply(n.occupationCode()), n.reason(), (a, b) -> a + "; " + b);
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
            languages.merge(intern.apply(l.language()), l.level(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        List<String> skills = new java.util.ArrayList<>(c.skills().size());
        for (CitizenSkill s : c.skills()) {
            skills.add(intern.apply(s.code()));
        }
        // Text relevance: the labels of what the citizen wants. A held occupation's label is not a goal: it would
        // favour the old job's postings twice (experience already counts it).
        StringBuilder text = new StringBuilder();
        c.occupationsWanted().forEach(code -> text.append(occupationLabel.apply(code)).append(' '));
        return new CitizenFacts(c.id() == null ? 0 : c.id(), intern.apply(c.jobcentre()), c.targetGroup(), c.home(),
                c.maxCommuteKm(), c.maxHoursPerWeek(), c.drivingLicence(), Map.copyOf(languages),
                Set.copyOf(skills), interned(c.occupationsWanted(), intern),
                interned(c.occupationsHeld(), intern), Collections.unmodifiableSet(needs),
                Collections.unmodifiableSet(excluded), intern.apply(text.toString().strip()), Map.copyOf(notForEmployers),
                Map.copyOf(notForOccupations));
    }

    /** Compact immutable sets (an array, not linked entries): 300,000 citizens' facts stay in memory. */
    private static Set<String> interned(List<String> codes, UnaryOperator<String> intern) {
        List<String> out = new java.util.ArrayList<>(codes.size());
        for (String code : codes) {
            out.add(intern.apply(code));
        }
        return Set.copyOf(out);
    }
}
