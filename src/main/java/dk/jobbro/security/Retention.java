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
 * Stored match results of the nightly run ({@link MatchSnapshots}) are purged here too, by the age of their run.
 */
@Singleton
public class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final RetentionSettings settings;
    private final AuditRepository audit;
    private final MatchSnapshots snapshots;
    private final Clock clock;

    Retention(RetentionSettings settings, AuditRepository audit, MatchSnapshots snapshots, Clock clock) {
        this.settings = settings;
        this.snapshots = snapshots;
        this.audit = audit;
        this.clock = clock;
    }

    /** What one purge removed, and the cut-off it used. */
    @Serdeable
    public record Purged(Instant auditEntriesBefore, int auditEntries, Instant matchRunsBefore, int matchRuns) {
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
        Instant runsCutoff = asOf.instant().minus(settings.matchSnapshots());
        int runs = snapshots.purgeFinishedBefore(runsCutoff);
        LOG.info("Retention: purged {} audit entries older than {}, {} match runs finished before {}", removed, cutoff,
                runs, runsCutoff);
        return new Purged(cutoff, removed, runsCutoff, runs);
    }

    Purged purgeNow() {
        return purge(clock);
    }
}
