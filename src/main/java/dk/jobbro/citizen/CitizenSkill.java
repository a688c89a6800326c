package dk.jobbro.citizen;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A skill from the taxonomy (its code; in a request also a label or synonym) with the citizen's level. */
@Serdeable
public record CitizenSkill(@NotBlank @Size(max = 300) String code, @NotNull SkillLevel level) {
}
