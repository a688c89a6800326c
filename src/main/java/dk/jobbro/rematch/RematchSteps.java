package dk.jobbro.rematch;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.citizen.NotForCitizen;
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
 *   <li>{@link #allocate}: the employer fatigue cap ({@link FatigueCap}) over all chunks' candidates, once;</li>
 *   <li>{@link #storeChunk}: per chunk, on any instance: the kept matches ranked and compared with the citizens'
 *       previous run (new, improved, unchanged, lower, dropped);</li>
 *   <li>{@link #complete}: the report and the DONE mark. {@link #finish} runs the last three on one thread.</li>
 * </ol>
 * Logs counts and ids of runs only, never a citizen.
 */
@Singleton
class RematchSteps {

    private static final Logger LOG = LoggerFactory.getLogger(RematchSteps.class);

    private final RematchStore store;
    private final CitizenService citizens;
    private final MatchingService matching;
    private final NightlyRun housekeeping;
    private final RematchSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final String instanceName;
    private final RematchStepTimes times;

    RematchSteps(RematchStore store, CitizenService citizens, MatchingService matching, NightlyRun housekeeping,
                 RematchSettings settings, JsonMapper json, Clock clock, RematchStepTimes times) {
        this.citizens = citizens;
        this.times = times;
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
                chunks.add(new RematchStore.ChunkRow(runId, no, part.getFirst(), part.getLast(), part.size(), false,
                        false));
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
        long started = System.nanoTime();
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        List<RematchStore.CandidateRow> rows = new ArrayList<>();
        Map<Long, String> failures = new LinkedHashMap<>();
        int perCitizen = run.topN() + settings.spareCandidates();
        // The chunk's citizens in one query (each read audited, in one batch) and their "not for" entries in one.
        List<Citizen> loaded = citizens.readActive(chunk.firstId(), chunk.lastId());
        Map<Long, List<NotForCitizen>> notFor = citizens.notFor(loaded.stream().map(Citizen::id).toList());
        times.add(RematchStepTimes.Step.LOAD, started);
        for (Citizen citizen : loaded) {
            try {
                long t = System.nanoTime();
                List<MatchingService.RankedPosting> found = matching.rankedFor(citizen,
                        notFor.getOrDefault(citizen.id(), List.of()), perCitizen);
                times.add(RematchStepTimes.Step.MATCH, t);
                t = System.nanoTime();
                for (MatchingService.RankedPosting m : found) {
                    rows.add(new RematchStore.CandidateRow(citizen.id(), m.posting().id(), m.posting().employerId(),
                            m.score(), m.components()));
                }
                times.add(RematchStepTimes.Step.FORMAT, t);
            } catch (RuntimeException e) {
                failures.put(citizen.id(), error(e));
            }
        }
        long t = System.nanoTime();
        long millis = Duration.ofNanos(t - started).toMillis();
        boolean completed = store.completeChunk(chunk, rows, failures, instanceName, millis, clock.instant());
        times.add(RematchStepTimes.Step.WRITE, t);
        return completed;
    }

    boolean allChunksDone(long runId) {
        RematchStore.Counts counts = store.counts(runId);
        return counts.chunksDone() == counts.chunks();
    }

    /** The fatigue cap's outcome as the report needs it, kept with the run between the finish's steps. */
    @Serdeable
    record Allocation(int citizensMatched, int proposals, int heldBack, int perPostingMax, int perPostingP95,
                      int perEmployerMax, int perEmployerP95, long matchMillis, long finishStartedAt) {
    }

    /**
     * The finish's first step, once per run: the fatigue cap over every chunk's candidates, each candidate's rank
     * written back to its chunk. Returns the chunks whose results are still to store; empty when the run is not
     * ready (a chunk is still matching) or done already.
     */
    Optional<List<Integer>> allocate(long runId) {
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        if (run.state() == RematchRun.State.DONE || run.state() == RematchRun.State.PREPARING
                || !allChunksDone(runId)) {
            return Optional.empty(); // done already, or not ready: the last chunk schedules the finish again
        }
        store.beginFinishing(runId);
        if (run.allocation() == null) {
            long started = System.nanoTime();
            Instant now = clock.instant();
            Map<Integer, ChunkCandidates.Keys> keys = store.candidateKeys(runId);
            int n = keys.values().stream().mapToInt(ChunkCandidates.Keys::size).sum();
            long[] citizenIds = new long[n];
            long[] postings = new long[n];
            long[] employers = new long[n];
            double[] scores = new double[n];
            int at = 0;
            for (ChunkCandidates.Keys k : keys.values()) {
                System.arraycopy(k.citizens(), 0, citizenIds, at, k.size());
                System.arraycopy(k.postings(), 0, postings, at, k.size());
                System.arraycopy(k.employers(), 0, employers, at, k.size());
                System.arraycopy(k.scores(), 0, scores, at, k.size());
                at += k.size();
            }
            FatigueCap.Ranks ranks = FatigueCap.rank(citizenIds, postings, employers, scores, run.topN(),
                    run.fatigueCap());
            Map<Integer, int[]> perChunk = new LinkedHashMap<>();
            at = 0;
            java.util.Set<Long> matched = new java.util.HashSet<>();
            for (Map.Entry<Integer, ChunkCandidates.Keys> e : keys.entrySet()) {
                int size = e.getValue().size();
                perChunk.put(e.getKey(), java.util.Arrays.copyOfRange(ranks.ranks(), at, at + size));
                at += size;
            }
            for (int i = 0; i < n; i++) {
                if (ranks.ranks()[i] > 0) {
                    matched.add(citizenIds[i]);
                }
            }
            long matchMillis = run.preparedAt() == null ? 0 : Duration.between(run.preparedAt(), now).toMillis();
            Allocation allocation = new Allocation(matched.size(), ranks.kept(), ranks.heldBack(),
                    ranks.perPosting().max(), ranks.perPosting().p95(), ranks.perEmployer().max(),
                    ranks.perEmployer().p95(), matchMillis, now.toEpochMilli());
            store.saveAllocation(runId, perChunk, write(allocation)); // false: another instance was first
            times.add(RematchStepTimes.Step.FATIGUE_CAP, started);
        }
        return Optional.of(store.unstoredChunks(runId));
    }

    /**
     * One chunk's kept matches, ranked and compared with its citizens' previous run, in one transaction with its
     * STORED mark: NEW, IMPROVED, UNCHANGED or LOWER, and DROPPED rows for the previous run's matches that left the
     * list (not for a citizen no longer active, nor one whose matching failed now). False when done already.
     */
    boolean storeChunk(long runId, int chunkNo) {
        long started = System.nanoTime();
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        Optional<RematchStore.ChunkResults> found = store.chunkResults(runId, chunkNo);
        if (found.isEmpty()) {
            return false; // stored already (or not allocated yet: the finish schedules it again)
        }
        RematchStore.ChunkResults results = found.get();
        long[] range = store.citizenRange(runId, chunkNo);
        Map<Long, Boolean> citizensNow = store.citizensIn(range[0], range[1]);
        Map<Long, Map<Long, RematchStore.MatchRow>> before = new java.util.HashMap<>();
        Optional<Long> previous = store.previousDone(runId);
        if (previous.isPresent()) {
            for (RematchStore.MatchRow m : store.rankedIn(previous.get(), range[0], range[1])) {
                before.computeIfAbsent(m.citizenId(), k -> new java.util.HashMap<>()).put(m.postingId(), m);
            }
        }
        times.add(RematchStepTimes.Step.RANK, started);
        long diffStarted = System.nanoTime();
        List<RematchStore.ResultRow> rows = new ArrayList<>();
        int fresh = 0;
        ChunkCandidates.Keys keys = results.keys();
        for (int i = 0; i < keys.size(); i++) {
            int rank = results.ranks()[i];
            long citizen = keys.citizens()[i];
            if (rank == 0 || !citizensNow.containsKey(citizen)) {
                continue; // not kept, or erased since it was matched
            }
            Map<Long, RematchStore.MatchRow> old = before.get(citizen);
            RematchStore.MatchRow was = old == null ? null : old.remove(keys.postings()[i]);
            MatchChange change = was == null ? MatchChange.NEW : MatchChange.of(was.score(), keys.scores()[i]);
            if (change == MatchChange.NEW) {
                fresh++;
            }
            rows.add(new RematchStore.ResultRow(citizen, keys.postings()[i], keys.employers()[i], keys.scores()[i],
                    rank, change, was == null ? null : was.score(), results.components()[i],
                    run.rankingVersion(), run.eligibilityVersion()));
        }
        java.util.Set<Long> failed = store.failedIn(runId, range[0], range[1]);
        int dropped = 0;
        for (Map.Entry<Long, Map<Long, RematchStore.MatchRow>> e : new java.util.TreeMap<>(before).entrySet()) {
            if (!Boolean.TRUE.equals(citizensNow.get(e.getKey())) || failed.contains(e.getKey())) {
                continue;
            }
            for (RematchStore.MatchRow m : e.getValue().values()) {
                rows.add(new RematchStore.ResultRow(m.citizenId(), m.postingId(), m.employerId(), m.score(), null,
                        MatchChange.DROPPED, m.score(), m.components(), m.rankingVersion(), m.eligibilityVersion()));
                dropped++;
            }
        }
        times.add(RematchStepTimes.Step.DIFF, diffStarted);
        long t = System.nanoTime();
        boolean stored = store.storeChunk(runId, chunkNo, rows, fresh, dropped);
        times.add(RematchStepTimes.Step.WRITE, t);
        return stored;
    }

    boolean allChunksStored(long runId) {
        RematchStore.Counts counts = store.counts(runId);
        return counts.chunksStored() == counts.chunks();
    }

    /** The finish's last step: the report and the DONE mark, once every chunk is stored. */
    boolean complete(long runId) {
        RematchStore.RunRow run = store.run(runId).orElseThrow();
        if (run.state() != RematchRun.State.FINISHING || run.allocation() == null || !allChunksStored(runId)) {
            return false;
        }
        Allocation a = read(run.allocation());
        RematchStore.Counts counts = store.counts(runId);
        int[] totals = store.storedTotals(runId);
        Instant now = clock.instant();
        String report = write(new RematchRun.Report(run.postingsExpired(), run.flagsEvaluated(), a.citizensMatched(),
                counts.failed(), a.proposals(), a.heldBack(), a.perPostingMax(), a.perPostingP95(), a.perEmployerMax(),
                a.perEmployerP95(), totals[0], totals[1], run.prepareMillis(), a.matchMillis(),
                Math.max(0, now.toEpochMilli() - a.finishStartedAt())));
        if (!store.complete(runId, report, now)) {
            return false;
        }
        LOG.info("Rematch run {} done: {} proposals to {} citizens, {} held back by the fatigue cap (per posting max {},"
                        + " p95 {}; per employer max {}, p95 {}), {} new, {} dropped, {} failed", runId, a.proposals(),
                a.citizensMatched(), a.heldBack(), a.perPostingMax(), a.perPostingP95(), a.perEmployerMax(),
                a.perEmployerP95(), totals[0], totals[1], counts.failed());
        return true;
    }

    /** The whole finish on this thread (tests, and a single instance that wants no tasks): a finished run is left. */
    void finish(long runId) {
        Optional<List<Integer>> pending = allocate(runId);
        if (pending.isEmpty()) {
            return;
        }
        for (int chunk : pending.get()) {
            storeChunk(runId, chunk);
        }
        complete(runId);
    }

    private Allocation read(String stored) {
        try {
            return json.readValue(stored, Allocation.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The components as stored: the JSON the mapper writes for a list of {@link StoredComponent} (held equal by
     * NightlyRematchTest), written directly. Names are the scorer's plain ASCII identifiers; numbers are written as
     * {@link Double#toString} writes them. Written when a chunk is stored, for its kept candidates only (about 1
     * million at national scale; {@link ChunkCandidates} keeps all 9 million candidates' components as numbers until
     * then); the mapper's per-field machinery was a twentieth of the run's worker time when all 9 million were
     * written.
     */
    static String components(List<ScoreComponent> components) {
        StringBuilder out = new StringBuilder(64 * components.size() + 2).append('[');
        for (ScoreComponent c : components) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append("{\"name\":\"").append(plainName(c.name())).append("\",\"value\":").append(c.value())
                    .append(",\"weight\":").append(c.weight()).append(",\"points\":").append(c.points()).append('}');
        }
        return out.append(']').toString();
    }

    private static String plainName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '_')) {
                throw new IllegalArgumentException("A component name must be a plain identifier: " + name);
            }
        }
        return name;
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
