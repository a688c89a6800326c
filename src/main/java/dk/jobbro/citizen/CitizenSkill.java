package dk.jobbro.citizen;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A skill code from the taxonomy with the citizen's level. */
@Serdeable
public record CitizenSkill(@NotBlank @Size(max = 100) String code, @NotNull SkillLevel level) {
}
