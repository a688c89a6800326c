package dk.jobbro.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The exact top k citizens for a posting, from the index's bound order: the same list as scoring every eligible
 * citizen with {@link MatchScorer#score} and sorting (score descending, then citizen id), at a fraction of the
 * cost. Plain Java over {@link CitizenCandidates}.
 *
 * <p>Each page of hits is re-checked with {@link Eligibility} on the citizen's facts (the health rule is applied
 * here, never in the index) and scored exactly without text; text relevance (a query against the posting index) is
 * computed only for a citizen whose score with text at its weight could still enter the top k. The search deepens
 * (pages double) until the k-th exact score beats the bound of every citizen not scored yet.
 */
final class CandidateRanking {

    /** Exact scores sit within float rounding of the index's bound; the bound is compared with this margin. */
    static final double MARGIN = 1e-9;

    private final CitizenCandidates candidates;
    private final Function<CitizenFacts, MatchCriteria> criteria;
    private final ToDoubleFunction<MatchCriteria> textScore;

    /** How much work one ranking did: for the benchmark. */
    record Effort(int pages, int hits, int textScores) {
    }

    /** A ranked citizen: facts, criteria, text score and the exact score. */
    record Ranked(CitizenFacts citizen, MatchCriteria criteria, float text, double score) {
    }

    CandidateRanking(CitizenCandidates candidates, Function<CitizenFacts, MatchCriteria> criteria,
                     ToDoubleFunction<MatchCriteria> textScore) {
        this.candidates = candidates;
        this.criteria = criteria;
        this.textScore = textScore;
    }

    private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingDouble(Ranked::score).reversed()
            .thenComparingLong(r -> r.citizen().id());

    private record Pending(CitizenFacts citizen, MatchCriteria criteria, double bound) {
    }

    List<Ranked> top(CitizenCandidates.Search search, int k) {
        return top(search, k, null);
    }

    List<Ranked> top(CitizenCandidates.Search search, int k, Effort[] effort) {
        if (k <= 0) {
            return List.of();
        }
        PostingFacts posting = search.posting();
        ScoringWeights w = search.weights();
        // Worst of the best k at the head, so the k-th is one peek away.
        PriorityQueue<Ranked> best = new PriorityQueue<>(BEST_FIRST.reversed());
        PriorityQueue<Pending> pending = new PriorityQueue<>(Comparator.comparingDouble(Pending::bound).reversed());
        Map<String, Float> textByQuery = new HashMap<>();
        int pageSize = Math.max(64, 4 * k);
        int pages = 0;
        int hits = 0;
        CitizenCandidates.Page page = null;
        while (true) {
            page = candidates.search(search, page, pageSize);
            pages++;
            for (CitizenCandidates.Hit hit : page.hits()) {
                hits++;
                MatchCriteria c = criteria.apply(hit.citizen());
                if (!Eligibility.check(c, posting).isEmpty()) {
                    continue; // the health rule, or the index's bound order met a citizen a rule keeps out
                }
                boolean activityReady = hit.citizen().targetGroup().activityReady();
                if (c.text().isBlank()) {
                    offer(best, k, new Ranked(hit.citizen(), c, 0f, MatchScorer.score(c, posting, 0f, activityReady)));
                } else {
                    // textValue < 1: the score without text plus the text weight bounds the score with it.
                    double withoutText = MatchScorer.score(c, posting, 0f, activityReady);
                    pending.add(new Pending(hit.citizen(), c, withoutText + w.text() + MARGIN));
                }
            }
            // Text only for those who could still enter the top k.
            while (!pending.isEmpty() && (best.size() < k || pending.peek().bound() >= best.peek().score())) {
                Pending p = pending.poll();
                float text = textByQuery.computeIfAbsent(p.criteria().text(),
                        q -> (float) textScore.applyAsDouble(p.criteria()));
                offer(best, k, new Ranked(p.citizen(), p.criteria(), text, MatchScorer.score(p.criteria(), posting,
                        text, p.citizen().targetGroup().activityReady())));
            }
            if (page.exhausted() || (best.size() == k && best.peek().score() > page.nextBound() + MARGIN)) {
                break;
            }
            pageSize *= 2;
        }
        if (effort != null) {
            effort[0] = new Effort(pages, hits, textByQuery.size());
        }
        List<Ranked> out = new ArrayList<>(best);
        out.sort(BEST_FIRST);
        return out;
    }

    private static void offer(PriorityQueue<Ranked> best, int k, Ranked r) {
        if (best.size() < k) {
            best.add(r);
        } else if (BEST_FIRST.compare(r, best.peek()) < 0) {
            best.poll();
            best.add(r);
        }
    }
}
