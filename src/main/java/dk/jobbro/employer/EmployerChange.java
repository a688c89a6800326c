package dk.jobbro.employer;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A change an employer made to its own record, by field (no values): append-only (V6__employer_identity.sql). */
@Serdeable
@MappedEntity("employer_change")
public record EmployerChange(@Id @GeneratedValue @Nullable Long id,
                             Instant occurredAt,
                             long employerId,
                             String subject,
                             String role,
                             String field) {
}
