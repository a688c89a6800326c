package dk.jobbro.matching;

import dk.jobbro.vocabulary.SupportKind;

import java.util.List;

/**
 * Why a posting was proposed: the score, its named components (which sum to it), and the facts behind them.
 * Computed by {@link MatchScorer}, the same code that ranked the posting.
 */
public record MatchExplanation(double score,
                               List<ScoreComponent> components,
                               List<SkillMatch> matchedSkills,
                               List<SkillMatch> missingSkills,
                               double distanceKm,
                               String hoursFit,
                               SupportFit supportFit,
                               String summary,
                               List<String> notes,
                               String scoringVersion) {

    /** A skill and whether it is essential for the posting (required) or optional (desired). */
    public record SkillMatch(String code, String label, boolean essential) {
    }

    /** Support the citizen needs, what of it the posting offers, and what it lacks. */
    public record SupportFit(List<SupportKind> needed, List<SupportKind> offered, List<SupportKind> missing) {
    }
}
