package dk.jobbro.search;

import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.PostingCandidates;
import dk.jobbro.matching.SkillRarity;
import jakarta.inject.Singleton;
import dk.jobbro.matching.PostingFacts;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/** Finds match candidates in the posting index: filter, pre-rank, then read each candidate's facts. */
@Singleton
final class LucenePostingCandidates implements PostingCandidates {

    private final PostingIndex index;

    LucenePostingCandidates(PostingIndex index) {
        this.index = index;
    }

    @Override
    public List<Candidate> find(MatchCriteria criteria) {
        Query query = MatchQueries.candidates(criteria, index.queryAnalyzer(), index.languageTerms());
        Query text = MatchQueries.text(criteria.text(), index.queryAnalyzer(), criteria.weights());
        return index.search(searcher -> {
            TopDocs top = searcher.search(query, criteria.candidatePool());
            ScoreDoc[] hits = top.scoreDocs.clone();
            Arrays.sort(hits, Comparator.comparingInt(h -> h.doc));
            float[] textScores = text == null ? new float[hits.length] : textScores(searcher, text, hits);
            List<Candidate> out = new ArrayList<>(hits.length);
            StoredFields stored = null;
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            int leafIndex = -1;
            NumericDocValues ids = null;
            for (int i = 0; i < hits.length; i++) {
                int doc = hits[i].doc;
                int li = ReaderUtil.subIndex(doc, leaves);
                if (li != leafIndex) {
                    leafIndex = li;
                    ids = leaves.get(li).reader().getNumericDocValues(PostingFields.ID_SORT);
                }
                PostingFacts facts = null;
                if (ids != null && ids.advanceExact(doc - leaves.get(li).docBase)) {
                    facts = index.facts(ids.longValue());
                }
                if (facts == null) { // written before this process started and not yet loaded: read from disk
                    stored = stored == null ? searcher.storedFields() : stored;
                    facts = PostingDocuments.toFacts(stored.document(doc));
                }
                out.add(new Candidate(facts, textScores[i]));
            }
            return out;
        });
    }

    @Override
    public SkillRarity skillRarity() {
        return index.skillStatistics();
    }

    @Override
    public OptionalDouble textScore(MatchCriteria criteria, long postingId) {
        Query text = MatchQueries.text(criteria.text(), index.queryAnalyzer(), criteria.weights());
        return index.search(searcher -> {
            TopDocs byId = searcher.search(new TermQuery(new Term(PostingFields.ID, Long.toString(postingId))), 1);
            if (byId.scoreDocs.length == 0) {
                return OptionalDouble.empty();
            }
            if (text == null) {
                return OptionalDouble.of(0);
            }
            return OptionalDouble.of(textScores(searcher, text, byId.scoreDocs)[0]);
        });
    }

    /** Scores only the given documents (sorted by doc id) against the text query, leaf by leaf. */
    static float[] textScores(IndexSearcher searcher, Query text, ScoreDoc[] hitsByDoc) throws IOException {
        float[] scores = new float[hitsByDoc.length];
        Weight weight = searcher.createWeight(searcher.rewrite(text), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        Scorer scorer = null;
        LeafReaderContext leaf = null;
        for (int i = 0; i < hitsByDoc.length; i++) {
            int doc = hitsByDoc[i].doc;
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                leaf = leaves.get(li);
                scorer = weight.scorer(leaf);
            }
            if (scorer == null) {
                continue;
            }
            int target = doc - leaf.docBase;
            int current = scorer.iterator().docID();
            if (current < target) {
                current = scorer.iterator().advance(target);
            }
            if (current == target) {
                scores[i] = scorer.score();
            }
        }
        return scores;
    }
}
