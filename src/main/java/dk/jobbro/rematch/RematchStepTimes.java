package dk.jobbro.rematch;

import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where this instance's share of a run went: worker-thread time per step, summed over chunks (two threads working at
 * once count twice). In memory only, for the progress log and the benchmark (docs/measurements.md); never stored.
 */
@Singleton
final class RematchStepTimes {

    /** The steps of a chunk, then of the finish. */
    enum Step {
        /** Reading the chunk's citizens, their "not for" entries, and auditing the reads. */
        LOAD,
        /** {@code MatchingService.matchesFor}: search, scoring and the explanation of the candidates kept. */
        MATCH,
        /** The candidates' rows: ids, score and the score components' numbers. */
        FORMAT,
        /** The chunk's candidates, failures and DONE mark, in one transaction. */
        WRITE,
        /** The finish: reading the run's candidates and the fatigue cap. */
        FATIGUE_CAP,
        /** The finish: ranks kept, the rest deleted. */
        RANK,
        /** The finish: the comparison with the previous run, dropped rows, the report. */
        DIFF
    }

    private final Map<Step, LongAdder> nanos = new EnumMap<>(Step.class);

    RematchStepTimes() {
        for (Step s : Step.values()) {
            nanos.put(s, new LongAdder());
        }
    }

    void add(Step step, long fromNanoTime) {
        nanos.get(step).add(System.nanoTime() - fromNanoTime);
    }

    Map<Step, Long> snapshot() {
        Map<Step, Long> out = new EnumMap<>(Step.class);
        nanos.forEach((s, n) -> out.put(s, n.sum()));
        return out;
    }

    void reset() {
        nanos.values().forEach(LongAdder::reset);
    }
}
