package dk.jobbro.posting;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Hours per week a posting offers, from {@code min} to {@code max}. */
@Serdeable
public record HoursRange(@NotNull @Min(0) @Max(80) Integer min, @NotNull @Min(1) @Max(80) Integer max) {
}
