package dk.jobbro.search;

import dk.jobbro.matching.ScoringWeights;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

import static dk.jobbro.search.PostingFields.*;

/**
 * The text relevance of a citizen's wanted occupations as a Lucene query. The hard rules are filters of their own
 * ({@link PostingRuleFilters}); the ranking itself is {@code MatchScorer}'s, computed for every posting the filters
 * pass ({@code ExactTopK}).
 */
final class MatchQueries {

    private MatchQueries() {
    }

    /** The text-relevance clause alone: the wanted occupations' labels against title, occupation and text. */
    static Query text(String text, Analyzer analyzer, ScoringWeights w) {
        if (text == null || text.isBlank()) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        addText(b, builder.createBooleanQuery(TITLE, text), (float) w.textTitleBoost());
        addText(b, builder.createBooleanQuery(OCCUPATION_TEXT, text), (float) w.textOccupationBoost());
        addText(b, builder.createBooleanQuery(DESCRIPTION, text), (float) w.textDescriptionBoost());
        BooleanQuery q = b.build();
        return q.clauses().isEmpty() ? null : q;
    }

    private static void addText(BooleanQuery.Builder b, Query q, float boost) {
        if (q != null) {
            b.add(new BoostQuery(q, boost), Occur.SHOULD);
        }
    }
}

