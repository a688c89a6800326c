package dk.jobbro.employer;

import dk.jobbro.vocabulary.Place;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a client sends to create or replace an employer. */
@Serdeable
public record EmployerRequest(@NotBlank @Size(max = 200) String name,
                              @NotNull @ValidCvr String cvr,
                              @Nullable @Pattern(regexp = "\\d{10}", message = "must be a 10-digit P-number") String pNumber,
                              @NotNull @Valid Place address,
                              @NotNull @Min(0) @Max(1_000_000) Integer ordinaryEmployees) {
}
