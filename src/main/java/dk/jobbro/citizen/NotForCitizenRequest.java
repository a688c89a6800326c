package dk.jobbro.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Keep an employer or an occupation (exactly one) out of a citizen's matches, and say why; who said it is the caller. */
@Serdeable
public record NotForCitizenRequest(@Nullable Long employerId,
                                   @Nullable @Size(max = 300) String occupationCode,
                                   @NotBlank @Size(max = 500) String reason) {
}
