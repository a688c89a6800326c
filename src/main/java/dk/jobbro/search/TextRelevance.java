package dk.jobbro.search;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The text relevance of documents for {@link MatchQueries#text}: the BM25 sum of its optional clauses, each clause
 * scored by its own scorer and summed in clause order. A disjunction's scorer sums its matching clauses in the order
 * of its internal heap, which depends on how it was advanced, so the same document could score one float bit apart
 * in two searches; here it cannot, and a ranking with ties is the same every time. One per search.
 */
final class TextRelevance {

    private final List<Weight> clauses;

    private TextRelevance(List<Weight> clauses) {
        this.clauses = clauses;
    }

    /** The relevance of {@code text} (null: none, every document scores 0). */
    static TextRelevance of(IndexSearcher searcher, Query text) throws IOException {
        List<Weight> weights = new ArrayList<>();
        if (text != null) {
            List<Query> leaves = new ArrayList<>();
            List<Float> boosts = new ArrayList<>();
            flatten(searcher.rewrite(text), 1f, leaves, boosts);
            for (int i = 0; i < leaves.size(); i++) {
                weights.add(searcher.createWeight(searcher.rewrite(leaves.get(i)), ScoreMode.COMPLETE, boosts.get(i)));
            }
        }
        return new TextRelevance(weights);
    }

    /** Optional clauses of boolean queries are summed, so each is scored alone; anything else is one clause. */
    private static void flatten(Query q, float boost, List<Query> leaves, List<Float> boosts) {
        if (q instanceof BoostQuery b) {
            flatten(b.getQuery(), boost * b.getBoost(), leaves, boosts);
        } else if (q instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0
                && b.clauses().stream().allMatch(c -> c.occur() == BooleanClause.Occur.SHOULD)) {
            for (BooleanClause c : b.clauses()) {
                flatten(c.query(), boost, leaves, boosts);
            }
        } else {
            leaves.add(q);
            boosts.add(boost);
        }
    }

    /** Scores documents of one segment, asked for in increasing doc id order. */
    Leaf leaf(LeafReaderContext context) throws IOException {
        List<Scorer> scorers = new ArrayList<>(clauses.size());
        for (Weight w : clauses) {
            Scorer s = w.scorer(context);
            if (s != null) {
                scorers.add(s);
            }
        }
        return new Leaf(scorers.toArray(Scorer[]::new));
    }

    static final class Leaf {

        private final Scorer[] scorers;

        private Leaf(Scorer[] scorers) {
            this.scorers = scorers;
        }

        /** The relevance of {@code doc} (segment-relative); never called with a smaller doc than before. */
        float score(int doc) {
            try {
                double sum = 0;
                for (Scorer s : scorers) {
                    DocIdSetIterator it = s.iterator();
                    int at = it.docID();
                    if (at < doc) {
                        at = it.advance(doc);
                    }
                    if (at == doc) {
                        sum += s.score();
                    }
                }
                return (float) sum;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
