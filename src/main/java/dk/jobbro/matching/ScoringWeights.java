package dk.jobbro.matching;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import java.lang.reflect.RecordComponent;

/**
 * The ranking model: every number of it, from {@code config/scoring.yml}, read by {@link MatchScorer} (and its
 * exact top-k scan, {@link ExactTopK}) and the free-text search alike. A component's value lies in [0, 1]; its points are
 * value × weight; the score is the sum of points. Change them only with both evaluations in hand.
 */
@ConfigurationProperties("jobbro.scoring")
public record ScoringWeights(@NotBlank String version,
                             @DecimalMin("0") double skills,
                             @DecimalMin("0") @DecimalMax("1") double skillDesiredShare,
                             @DecimalMin("0") @DecimalMax("1") double skillOccupationShare,
                             @DecimalMin("0") double occupation,
                             @DecimalMin("0") @DecimalMax("1") double occupationSameUnitGroup,
                             @DecimalMin("0") @DecimalMax("1") double occupationSameMinorGroup,
                             @DecimalMin("0") double experience,
                             @DecimalMin("0") @DecimalMax("1") double experienceSameOccupation,
                             @DecimalMin("0") @DecimalMax("1") double experienceSameUnitGroup,
                             @DecimalMin("0") @DecimalMax("1") double experienceSameMinorGroup,
                             @DecimalMin("0") double text,
                             @DecimalMin("0.01") double textSaturation,
                             @DecimalMin("0") double textTitleBoost,
                             @DecimalMin("0") double textOccupationBoost,
                             @DecimalMin("0") double textDescriptionBoost,
                             @DecimalMin("0") double distance,
                             @DecimalMin("0.1") double distancePivotKm,
                             @DecimalMin("0") double hours,
                             @DecimalMin("0") @DecimalMax("1") double hoursGradualStart,
                             @DecimalMin("0") double support,
                             @DecimalMin("1") double activityReadySupportMultiplier,
                             @DecimalMin("0") double searchTitleBoost,
                             @DecimalMin("0") double searchOccupationBoost,
                             @DecimalMin("0") double searchSkillBoost,
                             @DecimalMin("0") double searchDescriptionBoost,
                             @DecimalMin("0") double searchEmployerBoost) {

    /** The components of a score, in the order an explanation lists them; each has a weight of that name. */
    public static final java.util.List<String> COMPONENTS =
            java.util.List.of("skills", "occupation", "experience", "text", "distance", "hours", "support");

    /**
     * A copy with one number changed, named as the record component ({@code "skills"}, {@code "textSaturation"}):
     * for evaluations that switch a component off or try another number. Not for the hot path.
     */
    public ScoringWeights with(String name, Number value) {
        RecordComponent[] components = ScoringWeights.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent rc = components[i];
                types[i] = rc.getType();
                if (rc.getName().equals(name)) {
                    found = true;
                    args[i] = rc.getType() == int.class ? (Object) value.intValue() : (Object) value.doubleValue();
                } else {
                    args[i] = rc.getAccessor().invoke(this);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("No scoring number named " + name);
            }
            return ScoringWeights.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy with another version name (an evaluation's variant). */
    public ScoringWeights named(String newVersion) {
        ScoringWeights w = this;
        return new ScoringWeights(newVersion, w.skills, w.skillDesiredShare, w.skillOccupationShare, w.occupation, w.occupationSameUnitGroup,
                w.occupationSameMinorGroup, w.experience, w.experienceSameOccupation, w.experienceSameUnitGroup,
                w.experienceSameMinorGroup, w.text, w.textSaturation, w.textTitleBoost, w.textOccupationBoost,
                w.textDescriptionBoost, w.distance, w.distancePivotKm, w.hours, w.hoursGradualStart, w.support,
                w.activityReadySupportMultiplier, w.searchTitleBoost,
                w.searchOccupationBoost, w.searchSkillBoost, w.searchDescriptionBoost, w.searchEmployerBoost);
    }
}
