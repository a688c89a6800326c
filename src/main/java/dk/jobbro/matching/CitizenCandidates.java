package dk.jobbro.matching;

import dk.jobbro.citizen.TargetGroup;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the citizens that may fit a posting, from the citizen index; implemented by the search package. The index
 * applies every hard rule it can see (target group, the citizen's own commute radius exactly, hours, driving
 * licence, languages, "not for this citizen", jobcentres) and orders citizens by an <em>upper bound</em> of
 * {@link MatchScorer#score}: the health rule, support fit and text relevance are not in the index, so the bound
 * counts them at their weight. {@link CandidateRanking} turns the bound order into the exact top k.
 */
public interface CitizenCandidates {

    /**
     * The next {@code n} citizens by descending bound after {@code after} (null: from the start). Every citizen
     * not returned so far has a bound at most {@link Page#nextBound()}.
     */
    Page search(Search search, Page after, int n);

    /**
     * Text relevance of citizens' wishes against one posting, as {@link PostingCandidates#textScore} gives it, with
     * the posting found once rather than once a citizen.
     */
    java.util.function.ToDoubleFunction<MatchCriteria> textRelevance(long postingId);

    /** How many active citizens pass the index's hard rules, not-for entries left out (an employer's count). */
    int count(Search search);

    /**
     * A posting to find citizens for. {@code jobcentres} empty: all; {@code respectNotFor} false: the employer's
     * count, which must not move with a consultant's judgement; {@code rarity} the skill IDF the exact scores use, so
     * the bound's skill part is computed with the same numbers.
     */
    record Search(PostingFacts posting, Set<TargetGroup> targetGroups, Optional<Set<String>> jobcentres,
                  ScoringWeights weights, boolean respectNotFor, SkillRarity rarity) {
    }

    /** A citizen and the bound of their score. */
    record Hit(CitizenFacts citizen, double bound) {
    }

    /**
     * One page of hits in bound order; {@code nextBound} bounds everyone after it (negative infinity when the index
     * has no more); {@code cursor} is the search's own place to continue from.
     */
    record Page(List<Hit> hits, double nextBound, Object cursor) {

        public boolean exhausted() {
            return nextBound == Double.NEGATIVE_INFINITY;
        }
    }
}
