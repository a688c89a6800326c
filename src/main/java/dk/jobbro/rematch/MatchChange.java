package dk.jobbro.rematch;

/**
 * How a stored match compares with the citizen's previous run. Scores are rounded to four decimals in the
 * explanation, so differences below half of that are no change. The run's comparison with the previous run
 * ({@link RematchSteps#storeChunk}) uses it too.
 */
enum MatchChange {
    NEW, IMPROVED, UNCHANGED, LOWER, DROPPED;

    static final double TOLERANCE = 0.00005;

    static MatchChange of(double before, double now) {
        return now > before + TOLERANCE ? IMPROVED : now < before - TOLERANCE ? LOWER : UNCHANGED;
    }
}
