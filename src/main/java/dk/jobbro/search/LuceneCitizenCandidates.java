package dk.jobbro.search;

import dk.jobbro.matching.CitizenCandidates;
import dk.jobbro.matching.CitizenFacts;
import jakarta.inject.Singleton;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Candidates for a posting from the citizen index: one filtered query whose score bounds the exact one
 * ({@link CitizenQueries}). A page is the top {@code seen + n} of a fresh search, less the citizens returned before,
 * so pages stay right when the index refreshes between them.
 */
@Singleton
final class LuceneCitizenCandidates implements CitizenCandidates {

    private final CitizenIndex index;
    private final PostingIndex postings;
    private volatile long driftVersion = -1;
    private volatile ReferenceRarity driftReference;
    private volatile double drift;

    LuceneCitizenCandidates(CitizenIndex index, PostingIndex postings) {
        this.index = index;
        this.postings = postings;
    }

    /** Citizens returned so far in one ranking. */
    private record Seen(Set<Long> ids) {
    }

    @Override
    public Page search(Search search, Page after, int n) {
        Set<Long> seen = after == null ? new HashSet<>() : ((Seen) after.cursor()).ids();
        Query query = CitizenQueries.bound(search, postings.skillStatistics(), drift());
        double constant = CitizenQueries.constant(search);
        int want = seen.size() + n;
        return index.search(searcher -> {
            TopDocs top = searcher.search(query, want);
            ScoreDoc[] ranked = top.scoreDocs;
            long[] idOf = citizenIds(searcher.getIndexReader().leaves(), ranked);
            List<Hit> hits = new ArrayList<>(n);
            for (int i = 0; i < ranked.length; i++) {
                CitizenFacts facts = idOf[i] < 0 ? null : index.facts(idOf[i]);
                if (facts != null && seen.add(idOf[i])) {
                    hits.add(new Hit(facts, ranked[i].score + constant));
                }
            }
            double next = top.scoreDocs.length < want ? Double.NEGATIVE_INFINITY
                    : top.scoreDocs[top.scoreDocs.length - 1].score + constant;
            return new Page(hits, next, new Seen(seen));
        });
    }

    /** The citizen id of each hit (-1 if none), read in doc order as doc values require. */
    private static long[] citizenIds(List<LeafReaderContext> leaves, ScoreDoc[] hits) throws java.io.IOException {
        Integer[] order = new Integer[hits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(i -> hits[i].doc));
        long[] ids = new long[hits.length];
        int leafIndex = -1;
        NumericDocValues values = null;
        for (int i : order) {
            int doc = hits[i].doc;
            int li = ReaderUtil.subIndex(doc, leaves);
            if (li != leafIndex) {
                leafIndex = li;
                values = leaves.get(li).reader().getNumericDocValues(CitizenFields.ID_VALUE);
            }
            ids[i] = values != null && values.advanceExact(doc - leaves.get(li).docBase) ? values.longValue() : -1;
        }
        return ids;
    }

    @Override
    public java.util.function.ToDoubleFunction<dk.jobbro.matching.MatchCriteria> textRelevance(long postingId) {
        org.apache.lucene.search.Query byId = new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(PostingFields.ID, Long.toString(postingId)));
        // The posting's leaf and doc, found again only when a refresh changed the reader.
        Object[] found = new Object[3];
        return criteria -> {
            Query text = MatchQueries.text(criteria.text(), postings.queryAnalyzer(), criteria.weights());
            return postings.search(searcher -> {
                if (found[0] != searcher.getIndexReader()) {
                    TopDocs hit = searcher.search(byId, 1);
                    found[0] = searcher.getIndexReader();
                    found[1] = hit.scoreDocs.length == 0 ? null
                            : searcher.getIndexReader().leaves().get(ReaderUtil.subIndex(hit.scoreDocs[0].doc,
                            searcher.getIndexReader().leaves()));
                    found[2] = hit.scoreDocs.length == 0 ? -1 : hit.scoreDocs[0].doc;
                }
                if (found[1] == null || text == null) {
                    return 0.0;
                }
                LeafReaderContext leaf = (LeafReaderContext) found[1];
                var weight = searcher.createWeight(searcher.rewrite(text),
                        org.apache.lucene.search.ScoreMode.COMPLETE, 1f);
                var scorer = weight.scorer(leaf);
                int target = (int) found[2] - leaf.docBase;
                if (scorer == null || scorer.iterator().advance(target) != target) {
                    return 0.0;
                }
                return (double) scorer.score();
            });
        };
    }

    @Override
    public int count(Search search) {
        Query filters = CitizenQueries.filters(search);
        return index.search(searcher -> searcher.count(filters));
    }

    /** The reference's drift against the live IDF, recomputed only when the posting statistics changed. */
    private double drift() {
        SkillStatistics live = postings.skillStatistics();
        long version = live.version();
        ReferenceRarity reference = index.reference();
        if (version != driftVersion || reference != driftReference) {
            synchronized (this) {
                drift = reference.drift(live);
                driftReference = reference;
                driftVersion = version;
            }
        }
        return drift;
    }
}
