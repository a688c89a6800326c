package dk.jobbro.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Keep an employer or an occupation (exactly one) out of a citizen's matches, and say why; who said it is the caller. */
@Serdeable
public record NotForCitizenRequest(@Nullable Long employerId,
                                   @Nullable @Size(max = 40) @Pattern(regexp = "\\d{4,6}|\\d{4}(\\.\\d+)+", message = "must be a DISCO-08 (432110) or ESCO (4321.1, 1324.3.1.6.10) occupation code") String occupationCode,
                                   @NotBlank @Size(max = 500) String reason) {
}
