package dk.jobbro.proposal;

import dk.jobbro.matching.MatchExplanation;
import dk.jobbro.matching.ScoreComponent;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * The part of a match explanation an employer may see: the score, its components with fixed Danish labels, and
 * which of the posting's skills the citizen has or lacks. The scorer's own texts, summary and notes, the support
 * the citizen needs and the distance to their home are left out: they can reveal health, circumstances, a flag or an
 * address. Built from a {@link MatchExplanation} by {@link #of}, so the points still sum to the score.
 */
@Serdeable
public record SharedExplanation(double score, List<Part> components, List<String> matchedSkills,
                                List<String> missingSkills) {

    @Serdeable
    public record Part(String name, String label, double points, double weight) {
    }

    private static final Map<String, String> LABELS = Map.of(
            "skills", "Kompetencer", "occupation", "Stillingsønske og erfaring", "text", "Tekst i opslaget",
            "distance", "Afstand", "hours", "Timer", "support", "Støtte på arbejdspladsen");

    /** The Danish label of a score component, as both sides' pages show it. */
    public static String label(String component) {
        return LABELS.getOrDefault(component, component);
    }

    static SharedExplanation of(MatchExplanation e) {
        return new SharedExplanation(e.score(),
                e.components().stream().map(SharedExplanation::part).toList(),
                e.matchedSkills().stream().map(MatchExplanation.SkillMatch::label).toList(),
                e.missingSkills().stream().map(MatchExplanation.SkillMatch::label).toList());
    }

    private static Part part(ScoreComponent c) {
        return new Part(c.name(), LABELS.getOrDefault(c.name(), c.name()), c.points(), c.weight());
    }
}
