package dk.jobbro.citizen;

import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.Place;
import dk.jobbro.vocabulary.SupportKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** What a consultant sends to create or replace a citizen's profile. */
@Serdeable
public record CitizenRequest(@NotBlank @Size(max = 200) String name,
                             @NotBlank @Size(max = 100) String jobcentre,
                             @NotNull TargetGroup targetGroup,
                             @NotNull @Valid Place home,
                             @NotNull @Min(0) @Max(200) Integer maxCommuteKm,
                             @NotNull @Min(1) @Max(80) Integer maxHoursPerWeek,
                             @Nullable LocalDate availableFrom,
                             @Nullable @Size(max = 300) List<@NotNull @Valid CitizenSkill> skills,
                             @Nullable @Size(max = 30) List<@NotBlank @Size(max = 300) String> occupationsHeld,
                             @Nullable @Size(max = 30) List<@NotBlank @Size(max = 300) String> occupationsWanted,
                             @Nullable @Size(max = 10) List<@NotNull HealthLimitation> healthLimitations,
                             @Nullable @Size(max = 10) List<@NotNull SupportKind> supportNeeds,
                             @Nullable Boolean drivingLicence,
                             @Nullable @Size(max = 20) List<@NotNull @Valid LanguageSkill> languages) {
}
