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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Ranks a citizen's matches in the posting index: the postings that pass the hard filters are offered to
 * {@link ExactTopK}, which scores them with the model's own numbers and keeps the exact top k; those of an
 * unrelated occupation come last, in groups that are passed over once the top k is out of their reach. Measured at
 * 100,000 postings (about 7,500 eligible per citizen, four in five passed over) in docs/measurements.md.
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

    /** Scans the eligible postings into an {@link ExactTopK} and reads it with {@code read} before the searcher goes. */
    <T> T scan(MatchCriteria criteria, int limit, boolean activityReady, Function<ExactTopK, T> read) {
        Query filter = new ConstantScoreQuery(PostingRuleFilters.hardFilters(criteria, index.languageTerms(),
                index::workplaces, this::employersWithoutCapacity));
        return index.search(searcher -> {
            ExactTopK top = new ExactTopK(criteria, activityReady, limit, index.codeIds());
            scan(searcher, filter, index.textRelevance(searcher, criteria.text(), criteria.weights()), top);
            return read.apply(top);
        });
    }

    /**
     * Which of a segment's eligible documents a pass offers, in the order of the passes: first those most likely to
     * make the top k ({@link ExactTopK#docsToOfferFirst}: a related occupation), then those that share a skill, then
     * the others, those that offer one of the citizen's support needs before those that offer none. Each later pass
     * has a bound its postings cannot exceed, and is passed over once the top k is out of its reach.
     */
    private enum Pass {
        FIRST, SHARING_A_SKILL, OFFERING_A_NEED, OTHERS;

        static final Pass[] ALL = values();

        /** The most a posting of this pass can score (infinite for the first). */
        double bound(ExactTopK top) {
            return switch (this) {
                case FIRST -> Double.POSITIVE_INFINITY;
                case SHARING_A_SKILL -> top.boundOfOthers(true, true);
                case OFFERING_A_NEED -> top.boundOfOthers(false, true);
                case OTHERS -> top.boundOfOthers(false, false);
            };
        }
    }

    /**
     * Offers the documents of {@code filter} to {@code top} pass by pass ({@link Pass}), each pass segment by
     * segment, and passes over what can no longer enter the top k. At 100,000 postings most eligible postings are
     * others and their passes are usually not needed (docs/measurements.md).
     */
    private void scan(IndexSearcher searcher, Query filter, TextRelevance relevance, ExactTopK top)
            throws IOException {
        Weight eligible = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<SegmentScan> scans = new ArrayList<>(leaves.size());
        for (LeafReaderContext leaf : leaves) {
            BulkScorer bulk = eligible.bulkScorer(leaf);
            if (bulk != null) {
                SegmentScan scan = new SegmentScan(leaf, index.vectors(leaf), relevance, top);
                bulk.score(scan, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
                top.found(scan.eligibleCount);
                scans.add(scan);
            }
        }
        for (Pass pass : Pass.ALL) {
            for (SegmentScan scan : scans) {
                if (top.mayEnter(pass.bound(top))) {
                    scan.offer(pass);
                }
            }
        }
    }

    /**
     * One segment's eligible documents: collected as bits, then offered pass by pass in doc id order, each pass with
     * its own text scorers (they only advance). Whether a document shares a skill with the citizen comes from the
     * segment's skill postings; a document without a cached vector is read from disk in the first pass and left to
     * {@link ExactTopK} to check.
     */
    private final class SegmentScan implements LeafCollector, ExactTopK.TextScore {

        private final LeafReaderContext leaf;
        private final PostingIndex.SegmentVectors segment;
        private final PostingVector[] vectors;
        private final PostingVector.Columns columns;
        private final TextRelevance relevance;
        private final ExactTopK top;
        private final long[] eligible;
        private int eligibleCount;
        private long[] sharesASkill;
        private long[] first;
        private long[] offeringANeed;
        private TextRelevance.Leaf text;
        private int doc;

        SegmentScan(LeafReaderContext leaf, PostingIndex.SegmentVectors segment, TextRelevance relevance,
                    ExactTopK top) {
            this.leaf = leaf;
            this.segment = segment;
            this.vectors = segment.byDoc();
            this.columns = segment.columns();
            this.relevance = relevance;
            this.top = top;
            this.eligible = new long[(leaf.reader().maxDoc() >> 6) + 1];
        }

        @Override
        public void setScorer(Scorable scorer) {
        }

        @Override
        public void collect(int doc) {
            eligible[doc >> 6] |= 1L << doc;
            eligibleCount++;
        }

        /** The eligible documents of {@code pass} in the 64 docs from {@code i << 6}, as bits. */
        private long docs(Pass pass, int i) {
            long later = eligible[i] & ~first[i];
            return switch (pass) {
                case FIRST -> eligible[i] & first[i];
                case SHARING_A_SKILL -> later & sharesASkill[i];
                case OFFERING_A_NEED -> later & ~sharesASkill[i] & offeringANeed[i];
                case OTHERS -> later & ~sharesASkill[i] & ~offeringANeed[i];
            };
        }

        void offer(Pass pass) throws IOException {
            if (first == null) { // the segment's first pass: which of its docs each pass offers
                sharesASkill = top.docsSharingASkill(segment.bySkill());
                first = top.docsToOfferFirst(sharesASkill, segment.byOccupation(), columns);
                offeringANeed = top.docsOfferingANeed(columns);
            }
            text = null;
            for (int i = 0; i < eligible.length; i++) {
                long word = docs(pass, i);
                if (word != 0 && text == null) {
                    text = relevance.leaf(leaf);
                }
                while (word != 0) {
                    doc = (i << 6) + Long.numberOfTrailingZeros(word);
                    word &= word - 1;
                    PostingVector v = vectors[doc];
                    if (v != null) {
                        top.offer(columns, segment.bySkill(), doc, v, (sharesASkill[doc >> 6] & (1L << doc)) != 0,
                                this);
                    } else {
                        top.offer(index.vectorFromDisk(leaf, doc), this);
                    }
                }
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
