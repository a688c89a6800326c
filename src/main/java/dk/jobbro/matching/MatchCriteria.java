package dk.jobbro.matching;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A citizen's search for postings, in the terms the index understands: hard limits (every posting returned must
 * meet them all) and the signals that rank what remains. Built by {@link CitizenMatchProfile}.
 */
public record MatchCriteria(
        Set<PostingKind> allowedKinds,
        GeoPoint home,
        double maxDistanceKm,
        int maxHoursPerWeek,
        Set<PhysicalDemand> excludedDemands,
        boolean hasDrivingLicence,
        Map<String, LanguageLevel> languages,
        LocalDate today,
        Set<String> skills,
        Set<String> occupationsWanted,
        Set<String> occupationsHeld,
        Set<SupportKind> supportNeeds,
        String text,
        ScoringWeights weights,
        Set<Long> employersWithoutCapacity,
        Map<Long, String> notForEmployers,
        Map<String, String> notForOccupations,
        Integer internshipMaxWeeks,
        SkillRarity skillRarity,
        double skillNorm) {

    /**
     * The length of the citizen's IDF-weighted skill vector, sqrt(sum of idf squared): the citizen's half of the
     * cosine {@link MatchScorer#skillValue} computes. Once per search, not once per posting.
     */
    public static double skillNorm(Set<String> skills, SkillRarity rarity) {
        double sum = 0;
        for (String s : skills) {
            double idf = rarity.idf(s);
            sum += idf * idf;
        }
        return Math.sqrt(sum);
    }

    /** Criteria without capacity limits, consultant exclusions or internship limit, all skills alike (tests). */
    public MatchCriteria(Set<PostingKind> allowedKinds, GeoPoint home, double maxDistanceKm, int maxHoursPerWeek,
                         Set<PhysicalDemand> excludedDemands, boolean hasDrivingLicence,
                         Map<String, LanguageLevel> languages, LocalDate today, Set<String> skills,
                         Set<String> occupationsWanted, Set<String> occupationsHeld, Set<SupportKind> supportNeeds,
                         String text, ScoringWeights weights) {
        this(allowedKinds, home, maxDistanceKm, maxHoursPerWeek, excludedDemands, hasDrivingLicence, languages, today,
                skills, occupationsWanted, occupationsHeld, supportNeeds, text, weights, Set.of(),
                Map.of(), Map.of(), null, SkillRarity.UNIFORM, skillNorm(skills, SkillRarity.UNIFORM));
    }
}
