package dk.jobbro.search;

import dk.jobbro.matching.ScoringWeights;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link TextRelevance} of each text searched on one searcher of the posting index, for both directions of
 * matching. A citizen's text is the labels of their wanted occupations, so 300,000 citizens ask for a few thousand
 * texts; analysing a text and weighing its terms (BM25 statistics from the searcher) is the same for every search of
 * that searcher, and a {@code Weight} may be used by any number of searches (the nightly run: one per citizen; a
 * posting's candidates: one per distinct text among the citizens scored, where building the weights was a tenth of
 * the ranking). A new searcher (a refresh) starts an empty cache. Thread-safe.
 */
final class TextRelevances {

    /**
     * Texts kept per searcher; past this the cache starts again. A text's weights are about 12 KB (a BM25 scorer
     * per clause), so at most about 50 MB; the texts of one wanted occupation (a few hundred) stay warm.
     */
    private static final int TEXTS_KEPT = 4_000;

    private final Analyzer analyzer;
    private volatile Cache cache = new Cache(null);

    private record Cache(IndexSearcher searcher, Map<Key, TextRelevance> byText) {
        Cache(IndexSearcher searcher) {
            this(searcher, new ConcurrentHashMap<>());
        }
    }

    private record Key(String text, ScoringWeights weights) {
    }

    TextRelevances(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** The relevance of {@code text} (blank: every document scores 0) on {@code searcher}. */
    TextRelevance of(IndexSearcher searcher, String text, ScoringWeights weights) throws IOException {
        Cache kept = cache;
        if (kept.searcher() != searcher) {
            kept = new Cache(searcher);
            cache = kept;
        }
        Key key = new Key(text, weights);
        TextRelevance found = kept.byText().get(key);
        if (found == null) {
            found = TextRelevance.of(searcher, MatchQueries.text(text, analyzer, weights));
            if (kept.byText().size() >= TEXTS_KEPT) {
                kept.byText().clear();
            }
            kept.byText().put(key, found);
        }
        return found;
    }
}
