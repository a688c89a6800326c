package dk.jobbro.posting;

import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.web.ApiException;
import dk.jobbro.vocabulary.PhysicalDemand;
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

/**
 * What a client sends to create or replace a posting. The workplace defaults to the employer's address;
 * the status defaults to OPEN on creation.
 */
@Serdeable
public record PostingRequest(@NotNull Long employerId,
                             @NotNull PostingKind kind,
                             @Nullable PostingStatus status,
                             @NotBlank @Size(max = 200) String title,
                             @NotNull @Size(max = 10_000) String description,
                             @NotBlank @Size(max = 300) String occupationCode,
                             @Nullable @Size(max = 300) List<@NotBlank @Size(max = 300) String> requiredSkills,
                             @Nullable @Size(max = 300) List<@NotBlank @Size(max = 300) String> desiredSkills,
                             @Nullable @Valid Place workplace,
                             @NotNull @Valid HoursRange hoursPerWeek,
                             @Nullable LocalDate startDate,
                             @Nullable LocalDate applicationDeadline,
                             @Nullable LocalDate endDate,
                             @NotNull @Min(1) @Max(1000) Integer slots,
                             @Nullable @Min(0) @Max(1000) Integer slotsFilled,
                             @Nullable @Size(max = 10) List<@NotNull SupportKind> supportOffered,
                             @Nullable @Size(max = 10) List<@NotNull PhysicalDemand> physicalDemands,
                             @Nullable Boolean drivingLicenceRequired,
                             @Nullable @Size(max = 10) List<@NotNull @Valid LanguageSkill> languageRequirements) {

    /** A new posting must still take applications: a deadline before today is refused (422). */
    public void refuseIfDeadlinePassed(LocalDate today) {
        if (applicationDeadline != null && applicationDeadline.isBefore(today)) {
            throw ApiException.invalid("applicationDeadline", "has passed; a new posting must still take applications");
        }
    }
}
