package dk.jobbro.search;

import dk.jobbro.citizen.CitizenChange;
import dk.jobbro.citizen.CitizenChangeRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.model.Pageable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every replica sees every citizen change: this follower reads the {@code citizen_change} rows stamped within a
 * window before its last poll (as {@link ReplicaFollower} does for postings: a transaction can commit after a later
 * one, clocks differ a little) and re-indexes each changed citizen from the database. An erasure leaves no row
 * about the citizen but its audit entry ({@link dk.jobbro.security.Erasures}): those ids are re-read on every
 * poll within the window (the entry precedes the erasure's commit), and deleted once gone. Each change is followed once; this instance's own are followed a second time, which re-reads one
 * citizen and changes nothing.
 */
@Singleton
final class CitizenFollower {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenFollower.class);
    private static final int PAGE = 1_000;

    private final CitizenIndexer indexer;
    private final CitizenChangeRepository changes;
    private final Clock clock;
    private final Duration window;
    private final dk.jobbro.security.Erasures erasures;
    private final Map<Long, Instant> followed = new ConcurrentHashMap<>();
    private volatile Instant lastPoll;

    CitizenFollower(CitizenIndexer indexer, CitizenChangeRepository changes, dk.jobbro.security.Erasures erasures,
                    Clock clock, @Value("${jobbro.index.follow-window:30s}") Duration window) {
        this.erasures = erasures;
        this.indexer = indexer;
        this.changes = changes;
        this.clock = clock;
        this.window = window;
        this.lastPoll = clock.instant();
    }

    /** Where the next poll's window starts: a change stamped before it has been followed, or never will be. */
    Instant nextWindowFrom() {
        return lastPoll.minus(window);
    }

    @Scheduled(fixedDelay = "${jobbro.index.follow-interval:300ms}", initialDelay = "1s")
    void follow() {
        if (!indexer.started()) {
            return;
        }
        Instant now = clock.instant();
        Instant from = lastPoll.minus(window);
        try {
            Set<Long> citizens = new LinkedHashSet<>();
            Instant since = from;
            while (true) {
                var page = changes.findByChangedAtGreaterThanOrderByChangedAt(since, Pageable.from(0, PAGE));
                for (CitizenChange c : page) {
                    if (followed.putIfAbsent(c.id(), c.changedAt()) == null) {
                        citizens.add(c.citizenId());
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
                since = page.get(page.size() - 1).changedAt();
            }
            // Re-read on every poll of the window: the audit entry is written before the erasure commits.
            citizens.addAll(erasures.erasedSince(from));
            if (!citizens.isEmpty()) {
                indexer.reindex(citizens);
                indexer.refreshAfterFollowing();
                LOG.debug("Followed changes of {} citizens from the database", citizens.size());
            }
            followed.values().removeIf(t -> t.isBefore(from));
            lastPoll = now;
        } catch (RuntimeException e) {
            LOG.warn("Following citizen changes failed ({}); trying again", e.getClass().getSimpleName());
        }
    }
}
