package dk.jobbro.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One access to a citizen's data: who (subject and role), when, what (action and citizen id) and through which
 * endpoint (method and route template, never the query string). Holds no values from the citizen's data.
 */
@Serdeable
@MappedEntity("audit_entry")
public record AuditEntry(@Id @GeneratedValue @Nullable Long id,
                         Instant occurredAt,
                         String subject,
                         String role,
                         AuditAction action,
                         long citizenId,
                         String endpoint,
                         int status) {
}
