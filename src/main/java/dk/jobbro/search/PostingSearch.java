package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import jakarta.inject.Singleton;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Consultants' free-text search over postings, with filters and a count per kind. Field boosts from {@code config/scoring.yml}. Free text goes through the
 * analyzer into term queries only: no query-parser syntax, so operators and wildcards in the input are plain words.
 */
@Singleton
public final class PostingSearch {

    /** Longer input is cut: relevance comes from the first words, and cost grows with every term. */
    static final int MAX_QUERY_CHARS = 500;

    private final PostingIndex index;
    private final ScoringWeights weights;

    PostingSearch(PostingIndex index, ScoringWeights weights) {
        this.index = index;
        this.weights = weights;
    }

    /** {@code maxHours}: only postings whose minimum hours a week are at most this many. */
    public record Request(String text, Optional<PostingKind> kind, Optional<GeoPoint> near, double radiusKm,
                          Optional<Integer> maxHours, PostingStatus status, int offset, int limit) {
    }

    public record Hit(PostingFacts posting, double score, Double distanceKm) {
    }

    public record Result(long total, List<Hit> hits, Map<PostingKind, Long> kindCounts) {
    }

    public Result search(Request r) {
        Query text = textQuery(r.text());
        Query withoutKind = filtered(text, r, null);
        Query full = r.kind().map(k -> filtered(text, r, k)).orElse(withoutKind);
        // Ties (and text-less searches) are ordered by posting id, so the same input gives the same page.
        Sort sort = new Sort(SortField.FIELD_SCORE, new SortField(PostingFields.ID_SORT, SortField.Type.LONG));
        return index.search(searcher -> {
            TopDocs top = searcher.search(full, r.offset() + r.limit(), sort, true);
            StoredFields stored = searcher.storedFields();
            List<Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = r.offset(); i < docs.length; i++) {
                PostingFacts facts = PostingDocuments.toFacts(stored.document(docs[i].doc));
                Double km = r.near().map(p -> Math.round(p.distanceKm(facts.location()) * 10) / 10.0).orElse(null);
                hits.add(new Hit(facts, Math.round(docs[i].score * 10_000) / 10_000.0, km));
            }
            // Facet counts ignore the kind filter, so the consultant sees what switching kind would give.
            Map<PostingKind, Long> counts = new EnumMap<>(PostingKind.class);
            for (PostingKind k : PostingKind.values()) {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                b.add(withoutKind, Occur.MUST);
                b.add(new TermQuery(new Term(PostingFields.KIND, k.name())), Occur.FILTER);
                counts.put(k, (long) searcher.count(b.build()));
            }
            return new Result(top.totalHits.value(), hits, counts);
        });
    }

    private Query textQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String cut = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        QueryBuilder builder = new QueryBuilder(index.queryAnalyzer());
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        add(b, builder.createBooleanQuery(PostingFields.TITLE, cut), weights.searchTitleBoost());
        add(b, builder.createBooleanQuery(PostingFields.OCCUPATION_TEXT, cut), weights.searchOccupationBoost());
        add(b, builder.createBooleanQuery(PostingFields.SKILL_TEXT, cut), weights.searchSkillBoost());
        add(b, builder.createBooleanQuery(PostingFields.DESCRIPTION, cut), weights.searchDescriptionBoost());
        add(b, builder.createBooleanQuery(PostingFields.EMPLOYER_NAME + "_text", cut), weights.searchEmployerBoost());
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? null : q;
    }

    private static void add(BooleanQuery.Builder b, Query q, double boost) {
        if (q != null) {
            b.add(new BoostQuery(q, (float) boost), Occur.SHOULD);
        }
    }

    private static Query filtered(Query text, Request r, PostingKind kind) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        if (text != null) {
            b.add(text, Occur.MUST);
        } else {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        b.add(new TermQuery(new Term(PostingFields.STATUS, r.status().name())), Occur.FILTER);
        if (kind != null) {
            b.add(new TermQuery(new Term(PostingFields.KIND, kind.name())), Occur.FILTER);
        }
        r.near().ifPresent(p -> b.add(LatLonPoint.newDistanceQuery(PostingFields.LOCATION, p.latitude(),
                p.longitude(), r.radiusKm() * 1000.0), Occur.FILTER));
        r.maxHours().ifPresent(h -> b.add(IntField.newRangeQuery(PostingFields.HOURS_MIN, Integer.MIN_VALUE, h),
                Occur.FILTER));
        return b.build();
    }
}
