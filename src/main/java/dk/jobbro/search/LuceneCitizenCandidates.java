package dk.jobbro.search;

import dk.jobbro.matching.CitizenCandidates;
import dk.jobbro.matching.CitizenFacts;
import dk.jobbro.matching.MatchCriteria;
import jakarta.inject.Singleton;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
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
import java.util.function.ToDoubleFunction;

/**
 * Candidates for a posting from the citizen index: one filtered query whose score (the distance part), plus the rest
 * of the bound computed from the ids the index keeps in memory ({@link CitizenBound}), bounds the exact score
 * ({@link CitizenQueries}). The first page walks the query once and keeps every matching citizen with their bound
 * ({@link BoundOrder}); later pages of the same ranking are handed out from that, best bound first, so a ranking sees
 * the index as it was at its first page (a citizen erased since is skipped).
 */
@Singleton
final class LuceneCitizenCandidates implements CitizenCandidates {

    private final CitizenIndex index;
    private final PostingIndex postings;

    LuceneCitizenCandidates(CitizenIndex index, PostingIndex postings) {
        this.index = index;
        this.postings = postings;
    }

    @Override
    public Page search(Search search, Page after, int n) {
        double constant = CitizenQueries.constant(search);
        BoundOrder order = after == null ? walk(search) : (BoundOrder) after.cursor();
        List<Hit> hits = new ArrayList<>(n);
        while (hits.size() < n && !order.isEmpty()) {
            int slot = order.poll();
            CitizenFacts facts = index.facts(order.id(slot));
            if (facts != null) { // erased since the walk
                hits.add(new Hit(facts, order.bound(slot) + constant));
            }
        }
        double next = order.isEmpty() ? Double.NEGATIVE_INFINITY : order.peekBound() + constant;
        return new Page(hits, next, order);
    }

    /**
     * One walk of the filters over the whole index: every matching citizen's id and bound. The query filters and scores
     * the distance; the rest of the bound is added per citizen from the ids in memory ({@link CitizenBound}): a few
     * array reads, where clauses per posting skill (model v3 gives a posting dozens), occupation relation, hours, support
     * and text had Lucene merge as many postings lists for every citizen. Collecting them all costs one walk of the
     * filters, and later pages cost no search at all.
     */
    private BoundOrder walk(Search search) {
        Query query = CitizenQueries.bound(search, index::homes);
        CitizenBound bound = CitizenBound.of(search.posting(), search.weights(), search.rarity(), index.codeIds());
        return index.search(searcher -> {
            BoundOrder order = new BoundOrder();
            // TOP_SCORES: the scorers Lucene builds for a top-n search (COMPLETE's were slower in the tail, quick
            // loop); no minimum competitive score is ever set, so every match is collected.
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.TOP_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                BulkScorer bulk = weight.bulkScorer(leaf);
                if (bulk == null) {
                    continue;
                }
                CitizenIndex.SegmentCitizens citizens = index.citizens(leaf);
                double[] norms = bound.norms(citizens);
                bulk.score(new LeafCollector() {
                    private Scorable scorer;

                    @Override
                    public void setScorer(Scorable scorer) {
                        this.scorer = scorer;
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        long id = citizens.ids()[doc];
                        double points;
                        if ((citizens.flags()[doc] & CitizenBound.MISSING) == 0) {
                            points = bound.of(citizens, norms, doc);
                        } else { // written after the segment's citizens were read: from the map
                            CitizenIndex.Ids ids = index.ids(id);
                            points = ids == null ? bound.unknown() : bound.of(ids);
                        }
                        order.add(id, scorer.score() + points);
                    }
                }, leaf.reader().getLiveDocs(), 0, DocIdSetIterator.NO_MORE_DOCS);
            }
            return order.heapify();
        });
    }

    /**
     * The text relevance of citizens' texts for one posting, as the forward search computes it (the posting index's
     * {@link TextRelevance}, kept per searcher and text, so the same float both ways); 0 once the posting is gone.
     */
    @Override
    public ToDoubleFunction<MatchCriteria> textRelevance(long postingId) {
        Query byId = new TermQuery(new Term(PostingFields.ID, Long.toString(postingId)));
        // The posting's leaf and doc, found again only when a refresh changed the reader.
        Object[] found = new Object[3];
        return criteria -> postings.search(searcher -> {
            if (found[0] != searcher.getIndexReader()) {
                TopDocs hit = searcher.search(byId, 1);
                List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
                found[0] = searcher.getIndexReader();
                found[1] = hit.scoreDocs.length == 0 ? null
                        : leaves.get(ReaderUtil.subIndex(hit.scoreDocs[0].doc, leaves));
                found[2] = hit.scoreDocs.length == 0 ? -1 : hit.scoreDocs[0].doc;
            }
            if (found[1] == null || criteria.text().isBlank()) {
                return 0.0;
            }
            LeafReaderContext leaf = (LeafReaderContext) found[1];
            return (double) postings.textRelevance(searcher, criteria.text(), criteria.weights()).leaf(leaf)
                    .score((int) found[2] - leaf.docBase);
        });
    }

    @Override
    public int count(Search search) {
        Query filters = CitizenQueries.filters(search, index::homes);
        return index.search(searcher -> searcher.count(filters));
    }
}
