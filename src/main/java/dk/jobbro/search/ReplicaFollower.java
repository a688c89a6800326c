package dk.jobbro.search;

import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingRepository;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every replica sees every posting: each instance updates its own index at once after its own writes
 * ({@link PostingIndexer}), and this follower picks up what other instances wrote, from the database, every few
 * hundred milliseconds.
 *
 * <p>It reads the postings and employers whose {@code updated_at} lies within a window before the last poll, not
 * after it: a transaction that stamped its change earlier can commit later, and replicas' clocks differ by a little.
 * Of the postings it reads the versions first and whole rows only for versions not indexed yet: every poll of the
 * window (a hundred) sees each change again, and the nightly expiry stamps thousands at once.
 * The window ({@code jobbro.index.follow-window}, 30 s) must exceed the longest transaction plus the clock skew.
 * The indexer remembers which version (id and {@code updated_at}) of a posting or an employer it indexed, here, by
 * the start-up rebuild or followed, for the window, so each change is indexed once per replica, the writing one
 * included, and an instance that has just rebuilt its index does not index the window's changes a second time.
 */
@Singleton
final class ReplicaFollower {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaFollower.class);
    private static final int PAGE = 1_000;

    private final PostingIndexer indexer;
    private final PostingRepository postings;
    private final EmployerRepository employers;
    private final Clock clock;
    private final Duration window;
    private volatile Instant lastPoll;

    ReplicaFollower(PostingIndexer indexer, PostingRepository postings, EmployerRepository employers, Clock clock,
                    @Value("${jobbro.index.follow-window:30s}") Duration window) {
        this.indexer = indexer;
        this.postings = postings;
        this.employers = employers;
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
            int indexed = 0;
            for (Employer e : employers.findByUpdatedAtGreaterThan(from)) {
                if (!indexer.indexed(e)) {
                    indexed += indexer.reindexEmployer(e.id());
                }
            }
            Instant since = from;
            long afterId = 0;
            while (true) {
                List<PostingRepository.Version> changed = postings.findVersionsChangedAfter(since, afterId, PAGE);
                List<Long> behind = new ArrayList<>();
                for (PostingRepository.Version v : changed) {
                    if (!indexer.indexed(v.id(), v.updatedAt())) {
                        behind.add(v.id());
                    }
                }
                if (!behind.isEmpty()) {
                    for (Posting p : postings.findByIdIn(behind)) {
                        if (!indexer.indexed(p)) {
                            indexer.reindex(p);
                            indexed++;
                        }
                    }
                }
                if (changed.size() < PAGE) {
                    break;
                }
                PostingRepository.Version last = changed.get(changed.size() - 1);
                since = last.updatedAt();
                afterId = last.id();
            }
            if (indexed > 0) {
                indexer.refreshAfterFollowing();
                LOG.debug("Followed {} changes from the database", indexed);
            }
            indexer.forgetVersionsBefore(from);
            lastPoll = now;
        } catch (RuntimeException e) {
            LOG.warn("Following the database failed ({}); trying again", e.getClass().getSimpleName());
        }
    }
}
