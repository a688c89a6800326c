package dk.jobbro.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;

/** Append and read only: no update exists here, and the table refuses updates (V5__security.sql). */
@JdbcRepository(dialect = Dialect.MYSQL)
interface AuditRepository extends GenericRepository<AuditEntry, Long> {

    AuditEntry save(AuditEntry entry);

    List<AuditEntry> saveAll(Iterable<AuditEntry> entries);

    List<AuditEntry> findByCitizenIdOrderById(long citizenId);

    /** Citizens erased since an instant: the id-only record that outlives an erasure, for replicas' indexes. */
    @Query("SELECT DISTINCT citizen_id FROM audit_entry WHERE action = 'ERASE' AND occurred_at > :since")
    List<Long> findErasedSince(Instant since);

    /** Retention: the only delete. */
    @Query("DELETE FROM audit_entry WHERE occurred_at < :before")
    int deleteOlderThan(Instant before);
}
