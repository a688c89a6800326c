package dk.jobbro.vocabulary;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An address as clients send it. Coordinates are optional: when missing they come from the postcode table.
 * The bounds are Denmark's bounding box (Bornholm included).
 */
@Serdeable
public record Place(@Nullable @Size(max = 200) String street,
                    @NotNull @Pattern(regexp = "\\d{4}", message = "must be a 4-digit Danish postcode") String postcode,
                    @Nullable @Size(max = 100) String city,
                    @Nullable @DecimalMin("54.4") @DecimalMax("57.9") Double latitude,
                    @Nullable @DecimalMin("7.9") @DecimalMax("15.3") Double longitude) {
}
