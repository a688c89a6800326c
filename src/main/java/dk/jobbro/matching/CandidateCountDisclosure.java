package dk.jobbro.matching;

/**
 * How many citizens fit a posting, as an employer may see it: the statistical disclosure practice of official
 * statistics (Danmarks Statistik's discretion rules). Fewer than {@link #THRESHOLD} is never shown as a number;
 * other counts are rounded to the nearest multiple of {@link #ROUNDING}. So one citizen more or less, which is what a
 * single edit of a posting can change, moves the shown figure only where it crosses a rounding boundary, and what
 * crossed cannot be told from the figure; health and "not for this citizen" never enter the count at all
 * ({@link MatchingService#candidateCount}).
 *
 * @param candidates the rounded count, or null when under the threshold
 * @param underThreshold whether the count is below {@link #THRESHOLD} (and so not shown)
 * @param text the same in Danish, for pages
 */
public record CandidateCountDisclosure(Integer candidates, boolean underThreshold, String text) {

    public static final int THRESHOLD = 5;
    public static final int ROUNDING = 5;

    public static CandidateCountDisclosure of(int exact) {
        if (exact < THRESHOLD) {
            return new CandidateCountDisclosure(null, true, "Færre end " + THRESHOLD + " borgere passer til opslaget");
        }
        int rounded = Math.max(THRESHOLD, (int) Math.round(exact / (double) ROUNDING) * ROUNDING);
        return new CandidateCountDisclosure(rounded, false, "Omkring " + rounded + " borgere passer til opslaget");
    }
}
