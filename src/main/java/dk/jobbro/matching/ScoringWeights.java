package dk.jobbro.matching;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * Weights of the score components, from {@code config/scoring.yml}. A component's value lies in [0, 1]; its
 * points are value × weight; the score is the sum of points. Change them only with the evaluation in hand.
 */
@ConfigurationProperties("jobbro.scoring")
public record ScoringWeights(@NotBlank String version,
                             @DecimalMin("0") double skills,
                             @DecimalMin("0") double occupation,
                             @DecimalMin("0") double text,
                             @DecimalMin("0") double distance,
                             @DecimalMin("0") double hours,
                             @DecimalMin("0") double support,
                             @DecimalMin("1") double activityReadySupportMultiplier,
                             @DecimalMin("0.1") double distancePivotKm,
                             @Min(10) @Max(10_000) int candidatePool) {
}
