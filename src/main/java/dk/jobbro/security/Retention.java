package dk.jobbro.security;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * Purges what has outlived its retention period (config/retention.yml), every night and on an administrator's call.
 * Jobbro stores no match snapshots yet; when the nightly re-matching run stores them, their purge belongs here.
 */
@Singleton
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionSettings settings;
    private final AuditRepository audit;
    private final Clock clock;

    Retention(RetentionSettings settings, AuditRepository audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one purge removed, and the cut-off it used. */
    @Serdeable
    public record Purged(Instant auditEntriesBefore, int auditEntries) {
    }

    @Scheduled(cron = "${jobbro.retention.cron:0 30 3 * * *}")
    void nightly() {
        purge(clock);
    }

    /** Purges as of the given clock's now: tests pass a fixed clock. */
    @Transactional
    public Purged purge(Clock asOf) {
        Instant cutoff = asOf.instant().minus(settings.auditEntries());
        int removed = audit.deleteOlderThan(cutoff);
        LOG.info("Retention: purged {} audit entries older than {}", removed, cutoff);
        return new Purged(cutoff, removed);
    }

    Purged purgeNow() {
        return purge(clock);
    }
}
