package dk.jobbro.rematch;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** The nightly re-matching run as the API shows it: where it stands, how fast it goes, what it found. */
@Serdeable
public record RematchRun(long id, State state, StartedBy startedBy, Instant startedAt, @Nullable Instant finishedAt,
                         int citizensTotal, int citizensDone, int chunks, int chunksDone, double citizensPerSecond,
                         @Nullable Long etaSeconds, int failed, List<Failure> failures, int topN, int fatigueCap,
                         String rankingVersion, String eligibilityVersion, @Nullable Report report) {

    /** PREPARING: housekeeping and chunking; MATCHING: chunks under way; FINISHING: fatigue cap and diff. */
    public enum State { PREPARING, MATCHING, FINISHING, DONE }

    public enum StartedBy { SCHEDULE, API, COMMAND }

    /** A citizen whose matching failed, with the error; the run went on. */
    @Serdeable
    public record Failure(long citizenId, String error) {
    }

    /** What a finished run did, in its fixed order, and the spread of proposals under the fatigue cap. */
    @Serdeable
    public record Report(int postingsExpired, int flagsEvaluated, int citizensMatched, int failed, int proposals,
                         int heldBackByFatigueCap, int perPostingMax, int perPostingP95, int perEmployerMax,
                         int perEmployerP95, int newMatches, int dropped, long prepareMillis, long matchMillis,
                         long finishMillis) {
    }
}
