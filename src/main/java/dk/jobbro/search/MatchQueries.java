package dk.jobbro.search;

import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dk.jobbro.search.PostingFields.*;

/**
 * Builds the Lucene query for a citizen's matches: every hard rule as a filter ({@link PostingRuleFilters}), and
 * the ranking signals as optional clauses weighted like {@code MatchScorer}'s components, so the index's pre-ranking agrees with the final ranking.
 */
final class MatchQueries {

    private MatchQueries() {
    }

    /**
     * Hard filters plus ranking clauses with the scorer's own numbers, so the pool holds what the scorer ranks
     * first. Skills: each matched skill adds its share of the cosine {@code MatchScorer.skillValue} computes, as if
     * the posting's skill vector were as long as the citizen's (a constant-score clause cannot divide by the
     * posting's length). Occupation and experience: one disjunction-max each, so the best relation counts, as in
     * the scorer. Support without the activity-ready multiplier; distance left to the scorer.
     */
    static Query candidates(MatchCriteria c, Analyzer analyzer, Set<String> languageTerms) {
        ScoringWeights w = c.weights();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(PostingRuleFilters.hardFilters(c, languageTerms), Occur.FILTER);
        double norm2 = c.skillNorm() * c.skillNorm();
        if (norm2 > 0) {
            for (String skill : c.skills()) {
                double idf = c.skillRarity().idf(skill);
                double full = w.skills() * idf * idf / norm2;
                // Required or desired, never both: the scorer counts a skill listed twice once, as required.
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                either.add(constant(new TermQuery(new Term(SKILL_REQUIRED, skill)), (float) full), Occur.SHOULD);
                either.add(constant(new TermQuery(new Term(SKILL_DESIRED, skill)),
                        (float) (full * w.skillDesiredShare())), Occur.SHOULD);
                b.add(new DisjunctionMaxQuery(either.build().clauses().stream().map(BooleanClause::query).toList(),
                        0f), Occur.SHOULD);
            }
        }
        addOccupations(b, c.occupationsWanted(), w.occupation(), 1.0, w.occupationSameUnitGroup(),
                w.occupationSameMinorGroup());
        addOccupations(b, c.occupationsHeld(), w.experience(), w.experienceSameOccupation(),
                w.experienceSameUnitGroup(), w.experienceSameMinorGroup());
        int needs = Math.max(1, c.supportNeeds().size());
        for (SupportKind s : c.supportNeeds()) {
            b.add(constant(new TermQuery(new Term(SUPPORT, s.name())), (float) (w.support() / needs)), Occur.SHOULD);
        }
        // No distance clause: the hard filter bounds distance and MatchScorer ranks by it exactly. Measured with
        // the benchmark's pool sweep: without it the pool of 200 holds 95.1 % of the exhaustive top 20 (94.6 %
        // with distance rings) and the search takes half the time (docs/measurements.md).
        Query text = text(c.text(), analyzer, w);
        if (text != null) {
            b.add(new BoostQuery(text, (float) (w.text() * w.preRankingTextScale())), Occur.SHOULD);
        }
        return b.build();
    }

    /** The best relation of any of the codes to the posting's occupation: same, same unit group, same minor group. */
    private static void addOccupations(BooleanQuery.Builder b, Set<String> codes, double weight, double same,
                                       double unit, double minor) {
        if (codes.isEmpty() || weight == 0) {
            return;
        }
        List<Query> relations = new ArrayList<>();
        for (String code : codes) {
            relations.add(constant(new TermQuery(new Term(OCCUPATION, code)), (float) (weight * same)));
            if (code.length() >= 4) {
                relations.add(constant(new TermQuery(new Term(OCCUPATION_UNIT, code.substring(0, 4))),
                        (float) (weight * unit)));
                relations.add(constant(new TermQuery(new Term(OCCUPATION_MINOR, code.substring(0, 3))),
                        (float) (weight * minor)));
            }
        }
        b.add(new DisjunctionMaxQuery(relations, 0f), Occur.SHOULD);
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

    private static Query constant(Query q, float boost) {
        return new BoostQuery(new ConstantScoreQuery(q), boost);
    }
}
