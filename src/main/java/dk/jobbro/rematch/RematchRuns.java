package dk.jobbro.rematch;

import dk.jobbro.citizen.CitizenService;
import dk.jobbro.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The nightly run as its users see it: operators start it and follow its progress; consultants read what is new
 * for a citizen. Starting only records the run and schedules its first task; the instances' job engines do the rest.
 */
@Singleton
public class RematchRuns {

    private static final int FAILURES_SHOWN = 100;

    private final RematchSteps steps;
    private final RematchStore store;
    private final JobEngine engine;
    private final CitizenService citizens;
    private final JsonMapper json;
    private final Clock clock;

    RematchRuns(RematchSteps steps, RematchStore store, JobEngine engine, CitizenService citizens, JsonMapper json,
                Clock clock) {
        this.steps = steps;
        this.store = store;
        this.engine = engine;
        this.citizens = citizens;
        this.json = json;
        this.clock = clock;
    }

    /** Starts a run; 409 naming the running one when a run is under way. */
    public RematchRun start(RematchRun.StartedBy by) {
        long id;
        try {
            id = steps.open(by);
        } catch (RematchSteps.RunningAlready running) {
            throw ApiException.conflict(running.getMessage());
        }
        engine.schedule(id);
        return progress(id);
    }

    /** Schedules again whatever step a run is at (after its tasks were lost); a finished run is left as it is. */
    public RematchRun resume(long id) {
        RematchStore.RunRow run = store.run(id).orElseThrow(() -> ApiException.notFound("Rematch run", id));
        engine.resume(id, run.state());
        return progress(id);
    }

    public RematchRun progress(long id) {
        RematchStore.RunRow run = store.run(id).orElseThrow(() -> ApiException.notFound("Rematch run", id));
        RematchStore.Counts counts = store.counts(id);
        Instant end = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        Instant from = run.preparedAt() != null ? run.preparedAt() : run.startedAt();
        double seconds = Math.max(0.001, Duration.between(from, end).toMillis() / 1000.0);
        double rate = counts.citizensDone() / seconds;
        int left = run.totalCitizens() - counts.citizensDone();
        Long eta = run.state() == RematchRun.State.DONE ? Long.valueOf(0)
                : rate > 0 && run.state() == RematchRun.State.MATCHING ? Long.valueOf(Math.round(left / rate)) : null;
        List<RematchRun.Failure> failures = new ArrayList<>();
        store.failures(id, FAILURES_SHOWN).forEach((citizen, error) -> failures.add(new RematchRun.Failure(citizen, error)));
        return new RematchRun(id, run.state(), RematchRun.StartedBy.valueOf(run.startedBy()), run.startedAt(),
                run.finishedAt(), run.totalCitizens(), counts.citizensDone(), counts.chunks(), counts.chunksDone(),
                Math.round(rate * 10) / 10.0, eta, counts.failed(), failures, run.topN(), run.fatigueCap(),
                run.rankingVersion(), run.eligibilityVersion(), report(run.report()));
    }

    public Optional<RematchRun> running() {
        return store.running().map(r -> progress(r.id()));
    }

    public Optional<RematchRun> latestDone() {
        return store.latestDone().map(r -> progress(r.id()));
    }

    /** One stored match in the feed. */
    @Serdeable
    public record StoredMatch(long postingId, @Nullable Integer rank, double score, @Nullable Double previousScore,
                              List<RematchSteps.StoredComponent> components) {
    }

    /** What is new for a citizen in the latest run, compared with the run before it or with a given one. */
    @Serdeable
    public record NewMatches(long citizenId, @Nullable Long run, @Nullable Long since, @Nullable String rankingVersion,
                             @Nullable String eligibilityVersion, List<StoredMatch> newMatches,
                             List<StoredMatch> improved, List<StoredMatch> dropped) {
    }

    /**
     * The citizen's matches of the latest finished run against those of {@code since} (default: the run before).
     * The citizen is loaded through {@link CitizenService#read}: scoped to the caller and audited.
     */
    public NewMatches newMatches(long citizenId, @Nullable Long since) {
        citizens.read(citizenId);
        Optional<RematchStore.RunRow> latest = store.latestDone();
        if (latest.isEmpty()) {
            return new NewMatches(citizenId, null, since, null, null, List.of(), List.of(), List.of());
        }
        long run = latest.get().id();
        Optional<Long> base = since != null ? Optional.of(since) : store.previousDone(run);
        if (since != null && store.run(since).filter(r -> r.state() == RematchRun.State.DONE).isEmpty()) {
            throw ApiException.notFound("Rematch run", since);
        }
        Map<Long, RematchStore.MatchRow> before = new HashMap<>();
        if (base.isPresent() && base.get() != run) {
            store.matchesOf(citizenId, base.get()).stream().filter(m -> m.rank() != null)
                    .forEach(m -> before.put(m.postingId(), m));
        }
        List<StoredMatch> fresh = new ArrayList<>();
        List<StoredMatch> improved = new ArrayList<>();
        Map<Long, RematchStore.MatchRow> gone = new HashMap<>(before);
        boolean sameRun = base.isPresent() && base.get() == run;
        for (RematchStore.MatchRow m : store.matchesOf(citizenId, run)) {
            if (m.rank() == null || sameRun) {
                continue;
            }
            RematchStore.MatchRow old = gone.remove(m.postingId());
            if (old == null) {
                fresh.add(view(m, null));
            } else if (MatchChange.of(old.score(), m.score()) == MatchChange.IMPROVED) {
                improved.add(view(m, old.score()));
            }
        }
        List<StoredMatch> dropped = gone.values().stream()
                .sorted(java.util.Comparator.comparing(RematchStore.MatchRow::rank))
                .map(m -> new StoredMatch(m.postingId(), null, m.score(), m.score(), components(m.components())))
                .toList();
        return new NewMatches(citizenId, run, base.orElse(null), latest.get().rankingVersion(),
                latest.get().eligibilityVersion(), fresh, improved, dropped);
    }

    private StoredMatch view(RematchStore.MatchRow m, @Nullable Double previous) {
        return new StoredMatch(m.postingId(), m.rank(), m.score(), previous, components(m.components()));
    }

    private List<RematchSteps.StoredComponent> components(String stored) {
        try {
            return List.of(json.readValue(stored, RematchSteps.StoredComponent[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RematchRun.Report report(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, RematchRun.Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
