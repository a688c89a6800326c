package dk.jobbro.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.UnaryOperator;

/**
 * The exact top k citizens for a posting, from the index's bound order: the same list as scoring every eligible
 * citizen with {@link MatchScorer#score} and sorting (score descending, then citizen id), at a fraction of the
 * cost. Plain Java over {@link CitizenCandidates}.
 *
 * <p>Each page of hits is re-checked with {@link Eligibility} on the citizen's facts (the health rule is applied
 * here, never in the index) and scored exactly without text, support included; text relevance (a query against the
 * posting index) is computed only for a citizen whose score with a bound of their text could still enter the top k.
 * The search deepens (pages double) until the k-th exact score beats the bound of every citizen not scored yet.
 *
 * <p>The text bound: a citizen's wishes are their wanted occupations' labels joined by spaces, and BM25 sums its
 * terms' clauses, so the relevance of the wishes is the sum of each label's own relevance against the posting, and
 * s/(s+saturation) of that sum bounds the text value. Each label is scored once a ranking. When every label scores 0
 * no term of the wishes is in the posting, and the exact relevance is 0 without a query.
 */
final class CandidateRanking {

    /** Exact scores sit within float rounding of the index's bound; the bound is compared with this margin. */
    static final double MARGIN = 1e-9;

    private final CitizenCandidates candidates;
    private final Function<CitizenFacts, MatchCriteria> criteria;
    private final ToDoubleFunction<String> textScore;
    private final UnaryOperator<String> occupationLabel;

    /** The label sum may round a few float ulps away from the joined text's relevance; the bound gives it room. */
    private static final double TEXT_ROUNDING = 1 + 1e-4;

    /** How much work one ranking did: for the benchmark (text scores: distinct wishes and labels queried). */
    record Effort(int pages, int hits, int textScores) {
    }

    /** A ranked citizen: facts, criteria, text score and the exact score. */
    record Ranked(CitizenFacts citizen, MatchCriteria criteria, float text, double score) {
    }

    /**
     * {@code textScore}: the BM25 of a text of wishes against the posting; {@code occupationLabel}: the label the
     * citizen's wishes were built from, for the text bound.
     */
    CandidateRanking(CitizenCandidates candidates, Function<CitizenFacts, MatchCriteria> criteria,
                     ToDoubleFunction<String> textScore, UnaryOperator<String> occupationLabel) {
        this.candidates = candidates;
        this.criteria = criteria;
        this.textScore = textScore;
        this.occupationLabel = occupationLabel;
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
        Map<String, Double> textBoundByWishes = new HashMap<>();
        Map<String, Double> relevanceByLabel = new HashMap<>();
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
                    Float known = textByQuery.get(c.text());
                    double textBound = known != null ? 0 : textBoundByWishes.computeIfAbsent(c.text(),
                            t -> textBound(c, w, relevanceByLabel));
                    if (known == null && textBound == 0) {
                        known = 0f; // no label term is in the posting: the exact relevance is 0
                        textByQuery.put(c.text(), known);
                    }
                    if (known != null) {
                        offer(best, k, new Ranked(hit.citizen(), c, known,
                                MatchScorer.score(c, posting, known, activityReady)));
                    } else {
                        double withoutText = MatchScorer.score(c, posting, 0f, activityReady);
                        pending.add(new Pending(hit.citizen(), c, withoutText + w.text() * textBound + MARGIN));
                    }
                }
            }
            // Text only for those who could still enter the top k.
            while (!pending.isEmpty() && (best.size() < k || pending.peek().bound() >= best.peek().score())) {
                Pending p = pending.poll();
                float text = textByQuery.computeIfAbsent(p.criteria().text(),
                        q -> (float) textScore.applyAsDouble(q));
                offer(best, k, new Ranked(p.citizen(), p.criteria(), text, MatchScorer.score(p.criteria(), posting,
                        text, p.citizen().targetGroup().activityReady())));
            }
            if (page.exhausted() || (best.size() == k && best.peek().score() > page.nextBound() + MARGIN)) {
                break;
            }
            pageSize *= 2;
        }
        if (effort != null) {
            effort[0] = new Effort(pages, hits, relevanceByLabel.size() + (int) textByQuery.values().stream()
                    .filter(t -> t != 0).count());
        }
        List<Ranked> out = new ArrayList<>(best);
        out.sort(BEST_FIRST);
        return out;
    }

    /**
     * A bound of the text value (in [0, 1]) of the citizen's wishes: 1 unless the wishes are exactly their wanted
     * occupations' labels joined by spaces (a taxonomy relabelled since the facts were built: not the same text).
     */
    private double textBound(MatchCriteria c, ScoringWeights w, Map<String, Double> relevanceByLabel) {
        String text = c.text();
        int length = -1;
        double sum = 0;
        for (String code : c.occupationsWanted()) {
            String label = occupationLabel.apply(code);
            if (label == null || label.isBlank() || !label.equals(label.strip()) || !text.contains(label)) {
                return 1;
            }
            length += label.length() + 1;
            sum += relevanceByLabel.computeIfAbsent(label, textScore::applyAsDouble);
        }
        if (length != text.length()) {
            return 1;
        }
        return sum == 0 ? 0 : Math.min(1, MatchScorer.textValue((float) (sum * TEXT_ROUNDING), w) * TEXT_ROUNDING);
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
