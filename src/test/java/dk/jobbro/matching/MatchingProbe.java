package dk.jobbro.matching;

import dk.jobbro.citizen.Citizen;

/**
 * Test-only window on matching's package-private steps, so the benchmark can time them one by one and build the
 * exact criteria {@link MatchingService#matchesFor(Citizen, int, ScoringWeights)} builds.
 */
public final class MatchingProbe {

    private MatchingProbe() {
    }

    /** Candidates the exhaustive way, from the database, as before the citizen index: the reference. */
    public static java.util.List<Long> candidatesFromDatabase(MatchingService matching, long postingId, int limit) {
        return matching.candidatesFromDatabase(postingId, limit).stream().map(c -> c.citizen().id()).toList();
    }

    /** The employer's count the exhaustive way, from the database. */
    public static int candidateCountFromDatabase(MatchingService matching, long postingId) {
        return matching.candidateCountFromDatabase(postingId);
    }

    /** The exact top {@code limit} ids from the citizen index, over every jobcentre, without loading or audit. */
    public static java.util.List<Long> candidatesFromIndex(MatchingService matching, dk.jobbro.posting.Posting posting,
                                                           int limit, int[] effort) {
        CandidateRanking.Effort[] out = new CandidateRanking.Effort[1];
        var ranked = matching.rankedFromIndex(posting, limit, java.util.Optional.empty(), out);
        if (effort != null && out[0] != null) {
            effort[0] = out[0].pages();
            effort[1] = out[0].hits();
            effort[2] = out[0].textScores();
        }
        return ranked.stream().map(r -> r.citizen().id()).toList();
    }

    /** Every given citizen scored and the top {@code limit} ids kept: the exhaustive reference. */
    public static java.util.List<Long> candidatesExhaustively(MatchingService matching, dk.jobbro.posting.Posting posting,
                                                              Iterable<CitizenFacts> all, int limit) {
        return matching.rankExhaustively(posting, all, limit).stream().map(r -> r.citizen().id()).toList();
    }

    /** The criteria matching builds for this citizen and these weights. */
    public static MatchCriteria criteria(MatchingService matching, Citizen citizen, ScoringWeights weights) {
        return matching.criteria(citizen, weights);
    }

    /** The scorer's skill value (the cosine, before its weight), unrounded. */
    public static double skillValue(MatchCriteria criteria, PostingFacts posting) {
        return MatchScorer.skillValue(criteria, posting);
    }

    /** The occupation and experience points of a posting's occupation for these criteria (0: unrelated). */
    public static double occupationPoints(MatchCriteria criteria, String occupationCode) {
        return criteria.weights().occupation() * MatchScorer.occupationValue(criteria, occupationCode)
                + criteria.weights().experience() * MatchScorer.experienceValue(criteria, occupationCode);
    }
}
