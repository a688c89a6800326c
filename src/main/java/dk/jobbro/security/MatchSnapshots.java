package dk.jobbro.security;

import java.time.Instant;

/**
 * Stored match results that retention purges after {@code jobbro.retention.match-snapshots} (config/retention.yml).
 * Implemented by the nightly run (dk.jobbro.rematch), which depends on security, not the other way round.
 */
public interface MatchSnapshots {

    /** Deletes the runs finished before the cut-off with everything stored for them; returns how many runs. */
    int purgeFinishedBefore(Instant cutoff);
}
