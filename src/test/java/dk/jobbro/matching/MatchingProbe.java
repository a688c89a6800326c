package dk.jobbro.matching;

import dk.jobbro.citizen.Citizen;

/**
 * Test-only window on matching's package-private steps, so the benchmark can time them one by one and build the
 * exact criteria {@link MatchingService#matchesFor(Citizen, int, ScoringWeights)} builds.
 */
public final class MatchingProbe {

    private MatchingProbe() {
    }

    /** The criteria matching builds for this citizen and these weights. */
    public static MatchCriteria criteria(MatchingService matching, Citizen citizen, ScoringWeights weights) {
        return matching.criteria(citizen, weights);
    }
}
