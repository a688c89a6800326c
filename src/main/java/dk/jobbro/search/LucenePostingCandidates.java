package dk.jobbro.search;

import dk.jobbro.matching.ExactTopK;
import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.PostingCandidates;
import dk.jobbro.matching.PostingVector;
import dk.jobbro.matching.SkillRarity;
import jakarta.inject.Singleton;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Ranks a citizen's matches in the posting index: every posting that passes the hard filters is offered to
 * {@link ExactTopK}, which scores it with the model's own numbers and keeps the exact top k. Measured at 100,000
 * postings (about 14,000 eligible per citizen) in docs/measurements.md.
 */
@Singleton
final class LucenePostingCandidates implements PostingCandidates {

    private final PostingIndex index;

    LucenePostingCandidates(PostingIndex index) {
        this.index = index;
    }

    @Override
    public List<ExactTopK.Scored> best(MatchCriteria criteria, int limit, boolean activityReady) {
        return scan(criteria, limit, activityReady, ExactTopK::result);
    }

    /** Scans every eligible posting into an {@link ExactTopK} and reads it with {@code read} before the searcher goes. */
    <T> T scan(MatchCriteria criteria, int limit, boolean activityReady, Function<ExactTopK, T> read) {
        Query filter = new ConstantScoreQuery(PostingRuleFilters.hardFilters(criteria, index.languageTerms()));
        Query text = MatchQueries.text(criteria.text(), index.queryAnalyzer(), criteria.weights());
        return index.search(searcher -> {
            ExactTopK top = new ExactTopK(criteria, activityReady, limit, index.codeIds());
            scan(searcher, filter, text, top);
            return read.apply(top);
        });
    }

    /** Offers every document of {@code filter} to {@code top}, segment by segment, with its text relevance. */
    private void scan(IndexSearcher searcher, Query filter, Query text, ExactTopK top) throws IOException {
        Weight eligible = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        TextRelevance relevance = TextRelevance.of(searcher, text);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer bulk = eligible.bulkScorer(leaf);
            if (bulk != null) {
                bulk.score(new SegmentScan(leaf, index.vectors(leaf), relevance.leaf(leaf), top),
                        leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            }
        }
    }

    /** One segment's eligible documents, in doc id order, offered with their text relevance when asked for. */
    private final class SegmentScan implements LeafCollector, ExactTopK.TextScore {

        private final LeafReaderContext leaf;
        private final PostingVector[] vectors;
        private final TextRelevance.Leaf text;
        private final ExactTopK top;
        private int doc;

        SegmentScan(LeafReaderContext leaf, PostingVector[] vectors, TextRelevance.Leaf text, ExactTopK top) {
            this.leaf = leaf;
            this.vectors = vectors;
            this.text = text;
            this.top = top;
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) throws IOException {
            this.doc = doc;
            PostingVector v = vectors[doc];
            top.offer(v != null ? v : index.vectorFromDisk(leaf, doc), this);
        }

        @Override
        public float current() {
            return text.score(doc);
        }
    }

    @Override
    public SkillRarity skillRarity() {
        return index.skillStatistics().snapshot();
    }

    @Override
    public OptionalDouble textScore(MatchCriteria criteria, long postingId) {
        Query text = MatchQueries.text(criteria.text(), index.queryAnalyzer(), criteria.weights());
        return index.search(searcher -> {
            TopDocs byId = searcher.search(new TermQuery(new Term(PostingFields.ID, Long.toString(postingId))), 1);
            if (byId.scoreDocs.length == 0) {
                return OptionalDouble.empty();
            }
            int doc = byId.scoreDocs[0].doc;
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
            return OptionalDouble.of(TextRelevance.of(searcher, text).leaf(leaf).score(doc - leaf.docBase));
        });
    }

    /** The text relevance of each of {@code docs} (top-level doc ids, increasing), as the ranking computes it. */
    static float[] textScores(IndexSearcher searcher, Query text, int[] docs) throws IOException {
        float[] scores = new float[docs.length];
        TextRelevance relevance = TextRelevance.of(searcher, text);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        TextRelevance.Leaf scorer = null;
        LeafReaderContext leaf = null;
        for (int i = 0; i < docs.length; i++) {
            int li = ReaderUtil.subIndex(docs[i], leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                scorer = relevance.leaf(leaf);
            }
            scores[i] = scorer.score(docs[i] - leaf.docBase);
        }
        return scores;
    }
}
