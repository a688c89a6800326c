package dk.jobbro.search;

import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.MatchScorer;
import dk.jobbro.matching.PostingFacts;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The reference the exact top k is held to: every posting the hard filters pass, scored by {@link MatchScorer#score}
 * one by one, sorted by score with ties to the lower posting id. Slow on purpose (no bound, no shortcut).
 */
public final class ExhaustiveRanking {

    record Ranked(long postingId, double score) {
    }

    private ExhaustiveRanking() {
    }

    /** The ids of the exhaustive top k, for benchmarks outside this package (the nightly run's). */
    public static List<Long> topIds(io.micronaut.context.ApplicationContext context, MatchCriteria c,
                                    boolean activityReady, int k) {
        return top(context.getBean(PostingIndex.class), c, activityReady, k).stream().map(Ranked::postingId).toList();
    }

    static List<Ranked> top(PostingIndex index, MatchCriteria c, boolean activityReady, int k) {
        Query filter = PostingRuleFilters.hardFilters(c, index.languageTerms(), index::workplaces,
                PostingRuleFilters::employersIn);
        Query text = MatchQueries.text(c.text(), index.queryAnalyzer(), c.weights());
        return index.search(searcher -> {
            TopDocs all = searcher.search(filter, Math.max(1, searcher.getIndexReader().maxDoc()));
            int[] docs = Arrays.stream(all.scoreDocs).mapToInt((ScoreDoc d) -> d.doc).sorted().toArray();
            float[] texts = LucenePostingCandidates.textScores(searcher, text, docs);
            var stored = searcher.storedFields();
            var leaves = searcher.getIndexReader().leaves();
            List<Ranked> ranked = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                var leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
                NumericDocValues ids = leaf.reader().getNumericDocValues(PostingFields.ID_SORT);
                PostingFacts p = ids != null && ids.advanceExact(docs[i] - leaf.docBase) ? index.facts(ids.longValue())
                        : null;
                p = p != null ? p : PostingDocuments.toFacts(stored.document(docs[i]));
                ranked.add(new Ranked(p.id(), MatchScorer.score(c, p, texts[i], activityReady)));
            }
            ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparingLong(Ranked::postingId));
            return ranked.size() > k ? List.copyOf(ranked.subList(0, k)) : ranked;
        });
    }
}
