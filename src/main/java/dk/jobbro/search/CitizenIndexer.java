package dk.jobbro.search;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenChangeRepository;
import dk.jobbro.citizen.CitizenChanged;
import dk.jobbro.citizen.CitizenRepository;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.citizen.NotForCitizen;
import dk.jobbro.matching.CitizenFacts;
import dk.jobbro.matching.CitizenMatchProfile;
import dk.jobbro.security.CitizenErased;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the citizen index in step with the database: every committed change to a citizen (profile, status, "not
 * for this citizen" entries, erasure) is visible to searches before the API call returns; other replicas' changes
 * arrive through {@link CitizenFollower}. At start-up the facts are read from the database (they are never on disk)
 * and the documents rebuilt when the index is missing, of another schema version, or behind the database.
 */
@Singleton
public class CitizenIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(CitizenIndexer.class);
    private static final String COUNT_KEY = "citizen_count";
    private static final String CHANGE_KEY = "max_change_id";
    private static final int BATCH = 1000;

    private final CitizenIndex index;
    private final CitizenRepository citizens;
    private final CitizenService citizenService;
    private final CitizenChangeRepository changes;
    private final Taxonomy taxonomy;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile boolean started;

    CitizenIndexer(CitizenIndex index, CitizenRepository citizens,
                   CitizenService citizenService, CitizenChangeRepository changes, Taxonomy taxonomy) {
        this.index = index;
        this.citizens = citizens;
        this.citizenService = citizenService;
        this.changes = changes;
        this.taxonomy = taxonomy;
    }

    /**
     * Reads every active citizen's facts and rebuilds the documents unless the last commit matches the database;
     * returns whether it rebuilt.
     */
    public boolean ensureCurrent() {
        String reason = index.staleness(databaseState()).orElse(null);
        if (reason != null) {
            LOG.info("Rebuilding the citizen index: {}", reason);
            rebuild();
            started = true;
            return true;
        }
        long t = System.nanoTime();
        int n = readAll(false);
        index.refresh();
        LOG.info("Citizen index is current ({} documents); facts of {} citizens read in {} ms", index.documentCount(),
                n, (System.nanoTime() - t) / 1_000_000);
        started = true;
        return false;
    }

    /** Re-creates the whole index from the database. */
    public synchronized int rebuild() {
        long t = System.nanoTime();
        index.deleteAll();
        int count = readAll(true);
        commitNow();
        index.refresh();
        LOG.info("Indexed {} citizens in {} ms", count, (System.nanoTime() - t) / 1_000_000);
        return count;
    }

    /** Every active citizen, in id batches with their "not for" entries; written too when {@code write}. */
    private int readAll(boolean write) {
        long lastId = 0;
        int count = 0;
        while (true) {
            List<Citizen> batch = citizens.findByIdGreaterThanOrderById(lastId, Pageable.from(0, BATCH));
            if (batch.isEmpty()) {
                return count;
            }
            Map<Long, List<NotForCitizen>> notFor = citizenService.notFor(batch.stream().map(Citizen::id).toList());
            for (Citizen c : batch) {
                lastId = c.id();
                if (c.active()) {
                    CitizenFacts f = facts(c, notFor.getOrDefault(c.id(), List.of()));
                    if (write) {
                        index.upsert(f);
                    } else {
                        index.putFacts(f);
                    }
                    count++;
                }
            }
        }
    }

    CitizenFacts facts(Citizen c, List<NotForCitizen> notFor) {
        return CitizenMatchProfile.facts(c, notFor, taxonomy::occupationLabel, index::intern);
    }

    @TransactionalEventListener
    void onCitizenChanged(CitizenChanged event) {
        followDatabase(() -> reindex(List.of(event.citizenId())));
    }

    /** After an erasure's commit: the citizen leaves the index at once. */
    @EventListener
    void onCitizenErased(CitizenErased event) {
        followDatabase(() -> index.delete(event.citizenId()));
    }

    /** Indexes the citizens as the database holds them now: active ones upserted, inactive or missing ones deleted. */
    void reindex(Collection<Long> ids) {
        Map<Long, List<NotForCitizen>> notFor = citizenService.notFor(ids);
        java.util.Set<Long> missing = new java.util.HashSet<>(ids);
        for (Citizen c : citizens.findByIdIn(ids)) {
            missing.remove(c.id());
            if (c.active()) {
                index.upsert(facts(c, notFor.getOrDefault(c.id(), List.of())));
            } else {
                index.delete(c.id());
            }
        }
        missing.forEach(index::delete);
    }

    boolean started() {
        return started;
    }

    void refreshAfterFollowing() {
        index.refresh();
        dirty.set(true);
    }

    /** The change is committed whatever happens here; should the index refuse it, it is rebuilt, not left behind. */
    private void followDatabase(Runnable update) {
        try {
            update.run();
            index.refresh();
            dirty.set(true);
        } catch (RuntimeException e) {
            LOG.error("Citizen index update failed ({}); rebuilding the citizen index from the database",
                    e.getClass().getSimpleName(), e);
            rebuild();
        }
    }

    /** Durability, not visibility: searches see changes at once; the commit only saves a rebuild after a crash. */
    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void commitIfDirty() {
        if (dirty.getAndSet(false)) {
            commitNow();
        }
    }

    @PreDestroy
    void commitOnShutdown() {
        commitIfDirty();
    }

    private synchronized void commitNow() {
        index.commit(databaseState());
    }

    private Map<String, String> databaseState() {
        return Map.of(COUNT_KEY, Long.toString(citizens.countByActiveTrue()),
                CHANGE_KEY, Long.toString(changes.findMaxId()));
    }
}
