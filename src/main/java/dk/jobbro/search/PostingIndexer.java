package dk.jobbro.search;

import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerChanged;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingChanged;
import dk.jobbro.posting.PostingsChanged;
import dk.jobbro.posting.PostingRepository;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.data.model.Pageable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps the posting index in step with the database: follows every committed change (visible to searches
 * before the API call returns), commits in the background, and rebuilds from the database at start-up when
 * the index is missing, of another schema version, or behind the database.
 */
@Singleton
public class PostingIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(PostingIndexer.class);
    private static final String COUNT_KEY = "posting_count";
    private static final String UPDATED_KEY = "max_updated_at";
    private static final int BATCH = 1000;

    private final PostingIndex index;
    private final PostingRepository postings;
    private final EmployerRepository employers;
    private final Taxonomy taxonomy;
    private final AtomicBoolean dirty = new AtomicBoolean();
    /**
     * The version ({@code updated_at}) of each posting indexed since start-up by a change, here or followed from
     * another instance, so that the replica follower does not index this instance's own writes a second time.
     * Entries older than the follower's window are forgotten.
     */
    private final Map<Long, Instant> indexedVersions = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The version ({@code updated_at}) of each employer whose name is in all its postings' documents: recorded by
     * the rebuild and by re-indexing the employer, so the follower re-indexes an employer's postings only for a
     * version this instance has not indexed. Forgotten with the postings' versions.
     */
    private final Map<Long, Instant> employerVersions = new java.util.concurrent.ConcurrentHashMap<>();
    /** Set once the index is current at start-up: the replica follower waits for it. */
    private volatile boolean started;

    PostingIndexer(PostingIndex index, PostingRepository postings, EmployerRepository employers, Taxonomy taxonomy) {
        this.index = index;
        this.postings = postings;
        this.employers = employers;
        this.taxonomy = taxonomy;
    }

    /** Rebuilds the index unless its last commit matches the database; returns whether it rebuilt. */
    public boolean ensureCurrent() {
        String reason = index.staleness(databaseState()).orElse(null);
        if (reason == null) {
            index.loadFacts();
            LOG.info("Posting index is current ({} documents)", index.documentCount());
            started = true;
            return false;
        }
        LOG.info("Rebuilding the posting index: {}", reason);
        rebuild();
        started = true;
        return true;
    }

    /**
     * Re-creates the whole index from the database, in batches. Records the version of every posting and employer
     * it read, so that the replica follower does not index them again: at start-up its first window still holds
     * whatever was written in the 30 s before (a bulk load, a restore), and re-reading that is a second rebuild.
     */
    public synchronized int rebuild() {
        long started = System.nanoTime();
        index.deleteAll();
        indexedVersions.clear();
        employerVersions.clear();
        Map<Long, Optional<Employer>> employersRead = new HashMap<>();
        long lastId = 0;
        int count = 0;
        while (true) {
            List<Posting> batch = postings.findByIdGreaterThanOrderById(lastId, Pageable.from(0, BATCH));
            if (batch.isEmpty()) {
                break;
            }
            for (Posting p : batch) {
                String name = employersRead.computeIfAbsent(p.employerId(), employers::findById)
                        .map(Employer::name).orElse("");
                upsert(p, name);
                lastId = p.id();
                count++;
            }
        }
        // Every posting of these employers now carries the name read here (the rebuild holds the lock upserts take).
        employersRead.values().forEach(e -> e.ifPresent(this::rememberEmployer));
        commitNow();
        index.refresh();
        LOG.info("Indexed {} postings in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    @TransactionalEventListener
    void onPostingChanged(PostingChanged event) {
        followDatabase(() -> postings.findById(event.postingId()).ifPresentOrElse(this::reindex,
                () -> index.delete(event.postingId())));
    }

    /** A bulk load: every posting written, then one refresh, so a batch costs about one change's refresh. */
    @TransactionalEventListener
    void onPostingsChanged(PostingsChanged event) {
        followDatabase(() -> {
            Map<Long, String> employerNames = new HashMap<>();
            List<Long> ids = event.postingIds();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + BATCH));
                Set<Long> missing = new HashSet<>(chunk);
                for (Posting p : postings.findByIdIn(chunk)) {
                    upsert(p, employerNames.computeIfAbsent(p.employerId(), this::employerName));
                    missing.remove(p.id());
                }
                missing.forEach(index::delete);
            }
        });
    }

    @TransactionalEventListener
    void onEmployerChanged(EmployerChanged event) {
        followDatabase(() -> reindexEmployer(event.employerId()));
    }

    boolean started() {
        return started;
    }

    /** Indexes the posting as the database holds it now, and remembers which version that was. */
    void reindex(Posting p) {
        upsert(p, employerName(p.employerId()));
    }

    /**
     * Indexes the posting unless a later version of it is indexed already, and returns whether it did. A reader
     * that fetched the posting before its latest change (the follower re-indexing an employer while the nightly
     * expiry writes) must not put the older version back: the index would hold it, as current, until the next
     * change.
     */
    private synchronized boolean upsert(Posting p, String employerName) {
        Instant indexed = indexedVersions.get(p.id());
        if (indexed != null && indexed.isAfter(p.updatedAt())) {
            return false;
        }
        index.upsert(p.id(), PostingDocuments.toDocument(p, employerName, taxonomy));
        indexedVersions.merge(p.id(), p.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        return true;
    }

    /** Whether this version of the posting (or a later one) is indexed already. */
    boolean indexed(Posting p) {
        return indexed(p.id(), p.updatedAt());
    }

    /** Whether the version {@code updatedAt} of posting {@code id} (or a later one) is indexed already. */
    boolean indexed(long id, Instant updatedAt) {
        Instant version = indexedVersions.get(id);
        return version != null && !version.isBefore(updatedAt);
    }

    /** Whether every posting of the employer carries this version of it (its name), indexed here. */
    boolean indexed(Employer e) {
        return e.updatedAt().equals(employerVersions.get(e.id()));
    }

    void forgetVersionsBefore(Instant before) {
        indexedVersions.values().removeIf(t -> t.isBefore(before));
        employerVersions.values().removeIf(t -> t.isBefore(before));
    }

    /** The postings of a changed employer (its name is in their documents); returns how many. */
    int reindexEmployer(long employerId) {
        Optional<Employer> employer = employers.findById(employerId);
        String name = employer.map(Employer::name).orElse("");
        List<Posting> own = postings.findByEmployerId(employerId);
        for (Posting p : own) {
            if (!upsert(p, name)) {
                // A later version was indexed meanwhile, perhaps with the name before this change: the database's.
                postings.findById(p.id()).ifPresent(latest -> upsert(latest, name));
            }
        }
        employer.ifPresent(this::rememberEmployer);
        return own.size();
    }

    private void rememberEmployer(Employer e) {
        employerVersions.put(e.id(), e.updatedAt());
    }

    void refreshAfterFollowing() {
        index.refresh();
        dirty.set(true);
    }

    /**
     * The database change is committed: the request has succeeded whatever happens here. Should the index
     * refuse the update, it is rebuilt from the database rather than left behind.
     */
    private void followDatabase(Runnable update) {
        try {
            update.run();
            index.refresh();
            dirty.set(true);
        } catch (RuntimeException e) {
            LOG.error("Index update failed ({}); rebuilding the posting index from the database",
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
        Instant maxUpdated = postings.findMaxUpdatedAt();
        return Map.of(COUNT_KEY, Long.toString(postings.count()),
                UPDATED_KEY, maxUpdated == null ? "none" : maxUpdated.toString());
    }

    private String employerName(long employerId) {
        return employers.findById(employerId).map(Employer::name).orElse("");
    }
}
