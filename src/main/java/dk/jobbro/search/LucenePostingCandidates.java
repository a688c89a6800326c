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
import java.util.Set;
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
    /** The point-set query of the employers without capacity, for the set it was made of (the same instance). */
    private volatile EmployerSet employersWithoutCapacity = new EmployerSet(null, null);

    private record EmployerSet(Set<Long> employers, Query query) {
    }

    /** The query for the employers without capacity: made again only when the capacity snapshot is another set. */
    private Query employersWithoutCapacity(Set<Long> employers) {
        EmployerSet kept = employersWithoutCapacity;
        if (kept.employers() != employers) {
            kept = new EmployerSet(employers, PostingRuleFilters.employersIn(employers));
            employersWithoutCapacity = kept;
        }
        return kept.query();
    }

    LucenePostingCandidates(PostingIndex index) {
        this.index = index;
    }

    @Override
    public List<ExactTopK.Scored> best(MatchCriteria criteria, int limit, boolean activityReady) {
        return scan(criteria, limit, activityReady, ExactTopK::result);
    }

    /** Scans every eligible posting into an {@link ExactTopK} and reads it with {@code read} before the searcher goes. */
    <T> T scan(MatchCriteria criteria, int limit, boolean activityReady, Function<ExactTopK, T> read) {
        Query filter = new ConstantScoreQuery(PostingRuleFilters.hardFilters(criteria, index.languageTerms(),
                this::employersWithoutCapacity));
        return index.search(searcher -> {
            ExactTopK top = new ExactTopK(criteria, activityReady, limit, index.codeIds());
            scan(searcher, filter, index.textRelevance(searcher, criteria.text(), criteria.weights()), top);
            return read.apply(top);
        });
    }

    /** Offers every document of {@code filter} to {@code top}, segment by segment, with its text relevance. */
    private void scan(IndexSearcher searcher, Query filter, TextRelevance relevance, ExactTopK top)
            throws IOException {
        Weight eligible = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            BulkScorer bulk = eligible.bulkScorer(leaf);
            if (bulk != null) {
                bulk.score(new SegmentScan(leaf, index.vectors(leaf), relevance.leaf(leaf), top),
                        leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            }
        }
    }

    /**
     * One segment's eligible documents, in doc id order, offered with their text relevance when asked for, and
     * whether they share a skill with the citizen from the segment's skill postings (a document without a cached
     * vector is read from disk and left to {@link ExactTopK} to check).
     */
    private final class SegmentScan implements LeafCollector, ExactTopK.TextScore {

        private final LeafReaderContext leaf;
        private final PostingVector[] vectors;
        private final PostingVector.Columns columns;
        private final long[] sharesASkill;
        private final TextRelevance.Leaf text;
        private final ExactTopK top;
        private int doc;

        SegmentScan(LeafReaderContext leaf, PostingIndex.SegmentVectors vectors, TextRelevance.Leaf text,
                    ExactTopK top) {
            this.leaf = leaf;
            this.vectors = vectors.byDoc();
            this.columns = vectors.columns();
            this.sharesASkill = top.docsSharingASkill(vectors.bySkill());
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
            if (v != null) {
                top.offer(columns, doc, v, (sharesASkill[doc >> 6] & (1L << doc)) != 0, this);
            } else {
                top.offer(index.vectorFromDisk(leaf, doc), this);
            }
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
        return index.search(searcher -> {
            TopDocs byId = searcher.search(new TermQuery(new Term(PostingFields.ID, Long.toString(postingId))), 1);
            if (byId.scoreDocs.length == 0) {
                return OptionalDouble.empty();
            }
            int doc = byId.scoreDocs[0].doc;
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
            return OptionalDouble.of(index.textRelevance(searcher, criteria.text(), criteria.weights()).leaf(leaf)
                    .score(doc - leaf.docBase));
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
