package dk.jobbro.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A consultant's judgement that an employer or an occupation is not for this citizen, with the reason. */
@Serdeable
@MappedEntity("not_for_citizen")
public record NotForCitizen(@Id @GeneratedValue @Nullable Long id,
                            long citizenId,
                            @Nullable Long employerId,
                            @Nullable String occupationCode,
                            String reason,
                            String recordedBy,
                            Instant recordedAt) {
}
