package dk.jobbro.matching;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;

/**
 * The ratio rule (rimelighedskravet, LAB § 48-49 as of 2026): how many people an employer may host in internships
 * and wage-subsidy posts at once, relative to its ordinary staff. From {@code config/eligibility.yml}.
 *
 * @param employeesPerPlacement     up to the threshold: one placement per this many ordinary employees
 * @param threshold                 employees up to which the first ratio applies
 * @param employeesPerPlacementAbove beyond the threshold: one more placement per this many employees
 * @param minimum                   every employer may host at least this many
 */
@ConfigurationProperties("jobbro.eligibility.ratio-rule")
public record RatioRule(@Min(1) int employeesPerPlacement, @Min(0) int threshold,
                        @Min(1) int employeesPerPlacementAbove, @Min(0) int minimum) {

    /** Placements allowed for an employer with this many ordinary employees. */
    public int capacity(int ordinaryEmployees) {
        int upToThreshold = Math.min(ordinaryEmployees, threshold) / employeesPerPlacement;
        int above = Math.max(0, ordinaryEmployees - threshold) / employeesPerPlacementAbove;
        return Math.max(minimum, upToThreshold + above);
    }
}
