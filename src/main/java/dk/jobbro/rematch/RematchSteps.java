package dk.jobbro.rematch;

import dk.jobbro.matching.MatchExplanation;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.matching.ScoreComponent;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps of one run, each safe to repeat: a step that finds its work done does nothing. The job engine
 * ({@link JobEngine}) calls them as tasks and chains them; tests may call them directly.
 *
 * <ol>
 *   <li>{@link #open}: one run at a time (a unique key), refused naming the running one;</li>
 *   <li>{@link #prepare}: housekeeping in a fixed order ({@link NightlyRun}: expire overdue postings, evaluate
 *       flags again), then the active citizens cut into chunks;</li>
 *   <li>{@link #matchChunk}: each citizen matched through {@link MatchingService} (the consultants' ranking, whose
 *       eligibility skips filled postings and employers without headroom under the ratio rule); a failure is
 *       recorded for that citizen and the chunk goes on;</li>
 *   <li>{@link #finish}: the employer fatigue cap ({@link FatigueCap}), ranks, the comparison with the previous
 *       run, the report.</li>
 * </ol>
 * Logs counts and ids of runs only, never a citizen.
 */
@Singleton
class RematchSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RematchSteps.class);

    private final RematchStore store;
    private final MatchingService matching;
    private final NightlyRun housekeeping;
    private final RematchSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final String instanceName;

    RematchSteps(RematchStore store, MatchingService matching, NightlyRun housekeeping, RematchSettings settings,
                 JsonMapper json, Clock clock) {
        this.store = store;
        this.matching = matching;
        this.housekeeping = housekeeping;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.instanceName = JobEngine.instanceName();
    }

    /** A score component as stored: numbers and a name, no text about the citizen. */
    @Serdeable
    record StoredComponent(String name, double value, double weight, double points) {
    }

    /** Housekeeping counts, kept until the report is written. */
    @Serdeable
    record Housekeeping(int postingsExpired, int flagsEvaluated, long millis) {
    }

    /** The run was refused: another is under way. */
    static final class RunningAlready extends RuntimeException {
        final RematchStore.RunRow running;

        RunningAlready(RematchStore.RunRow running) {
            super("Rematch run " + running.id() + " is already running (started " + running.startedAt() + " by "
                    + running.startedBy() + ", " + running.state() + "); one run at a time");
            this.running = running;
        }
    }

    long open(RematchRun.StartedBy by) {
        for (int attempt = 0; ; attempt++) {
            try {
                long id = store.insertRun(by.name(), settings.topN(), settings.fatigueCap(),
                        matching.weights().version(), matching.eligibilityVersion(), clock.instant());
                LOG.info("Rematch run {} started by {}", id, by);
                return id;
            } catch (RematchStore.AlreadyRunning refused) {
                Optional<RematchStore.RunRow> running = store.running();
                if (running.isPresent()) {
                    throw new RunningAlready(running.get());
                }
                if (attempt > 3) { // the running one finished between our insert and our look: try again
                    throw new IllegalStateException("Cannot start a rematch run");
                }
            }
        }
    }

    /** Housekeeping and chunks, once; returns the chunks still to match (all of them on a first call). */
    List<Integer> prepare(long runId) {
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        if (run.state() == RematchRun.State.PREPARING) {
            long started = System.nanoTime();
            NightlyRun.Result kept = housekeeping.run();
            List<Long> ids = store.activeCitizenIds();
            List<RematchStore.ChunkRow> chunks = new ArrayList<>();
            for (int from = 0, no = 0; from < ids.size(); from += settings.chunkSize(), no++) {
                List<Long> part = ids.subList(from, Math.min(ids.size(), from + settings.chunkSize()));
                chunks.add(new RematchStore.ChunkRow(runId, no, part.getFirst(), part.getLast(), part.size(), false));
            }
            Housekeeping done = new Housekeeping(kept.postingsExpired(), kept.flagsEvaluated(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            if (store.prepare(runId, chunks, done.postingsExpired(), done.flagsEvaluated(), done.millis(),
                    clock.instant())) {
                LOG.info("Rematch run {}: {} postings expired, {} flags evaluated, {} citizens in {} chunks", runId,
                        done.postingsExpired(), done.flagsEvaluated(), ids.size(), chunks.size());
            }
        }
        return store.pendingChunks(runId);
    }

    /**
     * Matches one chunk's citizens and stores their candidates with the chunk's DONE mark in one transaction;
     * true when this call completed the chunk, false when it was done already.
     */
    boolean matchChunk(long runId, int chunkNo) {
        RematchStore.ChunkRow chunk = store.chunk(runId, chunkNo).orElseThrow();
        if (chunk.done()) {
            return false;
        }
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        long started = System.nanoTime();
        List<RematchStore.CandidateRow> rows = new ArrayList<>();
        Map<Long, String> failures = new LinkedHashMap<>();
        int perCitizen = run.topN() + settings.spareCandidates();
        for (long citizenId : store.citizensOf(chunk)) {
            try {
                for (MatchingService.PostingMatch m : matching.matchesFor(citizenId, perCitizen)) {
                    rows.add(new RematchStore.CandidateRow(citizenId, m.posting().id(), m.posting().employerId(),
                            m.explanation().score(), components(m.explanation())));
                }
            } catch (RuntimeException e) {
                failures.put(citizenId, error(e));
            }
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        return store.completeChunk(chunk, rows, failures, run.rankingVersion(), run.eligibilityVersion(),
                instanceName, millis, clock.instant());
    }

    boolean allChunksDone(long runId) {
        RematchStore.Counts counts = store.counts(runId);
        return counts.chunksDone() == counts.chunks();
    }

    /**
     * The fatigue cap, ranks, the comparison with the previous run and the report, in one transaction with the DONE
     * mark; a finished run is left as it is.
     */
    void finish(long runId) {
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        if (run.state() == RematchRun.State.DONE || run.state() == RematchRun.State.PREPARING
                || !allChunksDone(runId)) {
            return; // done already, or not ready: the last chunk schedules the finish again
        }
        // FINISHING already: an instance died while finishing; its transaction never committed, so start over.
        store.beginFinishing(runId);
        long started = System.nanoTime();
        FatigueCap.Allocation allocation = FatigueCap.allocate(store.candidates(runId), run.topN(), run.fatigueCap());
        RematchStore.Counts counts = store.counts(runId);
        Optional<Long> previous = store.previousDone(runId);
        long matchMillis = run.preparedAt() == null ? 0 : Duration.between(run.preparedAt(), clock.instant()).toMillis();
        int citizensMatched = (int) allocation.kept().stream().mapToLong(k -> k.candidate().citizenId()).distinct()
                .count();
        // New and dropped counts are known only after the comparison: the report is written in its transaction.
        store.finish(runId, allocation.kept(), previous, (fresh, dropped) -> write(new RematchRun.Report(
                run.postingsExpired(), run.flagsEvaluated(), citizensMatched, counts.failed(), allocation.kept().size(),
                allocation.heldBack(), allocation.perPosting().max(), allocation.perPosting().p95(),
                allocation.perEmployer().max(), allocation.perEmployer().p95(), fresh, dropped, run.prepareMillis(),
                matchMillis, Duration.ofNanos(System.nanoTime() - started).toMillis())), clock.instant());
        LOG.info("Rematch run {} done: {} proposals to {} citizens, {} held back by the fatigue cap (per posting max {},"
                        + " p95 {}; per employer max {}, p95 {}), {} failed", runId, allocation.kept().size(),
                citizensMatched, allocation.heldBack(), allocation.perPosting().max(), allocation.perPosting().p95(),
                allocation.perEmployer().max(), allocation.perEmployer().p95(), counts.failed());
    }

    private String components(MatchExplanation explanation) {
        List<StoredComponent> stored = new ArrayList<>(explanation.components().size());
        for (ScoreComponent c : explanation.components()) {
            stored.add(new StoredComponent(c.name(), c.value(), c.weight(), c.points()));
        }
        return write(stored);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An error for the record: its kind and message, cut short (messages here name ids, never profile values). */
    private static String error(RuntimeException e) {
        String text = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    Instant now() {
        return clock.instant();
    }
}
