package dk.jobbro.search;

import dk.jobbro.matching.HardRule;
import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static dk.jobbro.search.PostingFields.*;

/**
 * The benchmark's yardstick: a plain Lucene ranking of the same hard filters with the model's signals as ordinary
 * clauses (the pre-ranking query matching used before the exact top k, 2026-12-01), searched for its top 20. It is
 * what a Lucene query of this shape costs; it is not the ranking (no distance, skills not divided by the posting's
 * length).
 */
final class BareLuceneQuery {

    /** The scale of the raw BM25 text clause (the former {@code pre-ranking-text-scale}). */
    private static final float TEXT_SCALE = 0.1f;

    private BareLuceneQuery() {
    }

    /**
     * The hard filters as the pre-ranking query had them: the commute as Lucene's distance query on the quantised
     * points (matching has its own exact {@code CommuteQuery} since 2026-12-02; the yardstick stays what it was).
     */
    static Query hardFiltersAsBefore(MatchCriteria c, Set<String> languageTerms) {
        Set<BooleanClause> clauses = new LinkedHashSet<>();
        for (HardRule rule : HardRule.values()) {
            if (rule == HardRule.TOO_FAR) {
                clauses.add(new BooleanClause(LatLonPoint.newDistanceQuery(PostingFields.LOCATION,
                        c.home().latitude(), c.home().longitude(), c.maxDistanceKm() * 1000.0), Occur.FILTER));
            } else {
                clauses.addAll(PostingRuleFilters.filter(rule, c, languageTerms));
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(b::add);
        return b.build();
    }

    static Query of(MatchCriteria c, Analyzer analyzer, Set<String> languageTerms) {
        ScoringWeights w = c.weights();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(hardFiltersAsBefore(c, languageTerms), Occur.FILTER);
        double norm2 = c.skillNorm() * c.skillNorm();
        if (norm2 > 0) {
            for (String skill : c.skills()) {
                double idf = c.skillRarity().idf(skill);
                double full = w.skills() * idf * idf / norm2;
                b.add(new DisjunctionMaxQuery(List.of(
                        constant(new TermQuery(new Term(SKILL_REQUIRED, skill)), (float) full),
                        constant(new TermQuery(new Term(SKILL_DESIRED, skill)), (float) (full * w.skillDesiredShare()))),
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
        Query text = MatchQueries.text(c.text(), analyzer, w);
        if (text != null) {
            b.add(new BoostQuery(text, (float) w.text() * TEXT_SCALE), Occur.SHOULD);
        }
        return b.build();
    }

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

    private static Query constant(Query q, float boost) {
        return new BoostQuery(new ConstantScoreQuery(q), boost);
    }
}
