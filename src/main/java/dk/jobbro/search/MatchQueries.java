package dk.jobbro.search;

import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.sandbox.search.CoveringQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.LongValuesSource;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dk.jobbro.search.PostingFields.*;

/**
 * Builds the Lucene query for a citizen's matches: every hard rule as a filter (the same rules as
 * {@code Eligibility}), and the ranking signals as optional clauses weighted like {@code MatchScorer}'s
 * components, so the index's pre-ranking agrees with the final ranking.
 */
final class MatchQueries {

    private MatchQueries() {
    }

    static Query hardFilters(MatchCriteria c) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(MATCHABLE, "yes")), Occur.FILTER); // OPEN with a free slot
        b.add(LongField.newRangeQuery(DEADLINE_DAY, c.today().toEpochDay(), Long.MAX_VALUE), Occur.FILTER);
        if (c.allowedKinds().isEmpty()) {
            return new MatchNoDocsQuery("target group may not be offered any kind");
        }
        if (c.allowedKinds().size() < PostingKind.values().length) {
            BooleanQuery.Builder kinds = new BooleanQuery.Builder();
            for (PostingKind k : c.allowedKinds()) {
                kinds.add(new TermQuery(new Term(KIND, k.name())), Occur.SHOULD);
            }
            b.add(kinds.build(), Occur.FILTER);
        }
        b.add(LatLonPoint.newDistanceQuery(LOCATION, c.home().latitude(), c.home().longitude(),
                c.maxDistanceKm() * 1000.0), Occur.FILTER);
        BooleanQuery.Builder hours = new BooleanQuery.Builder();
        hours.add(IntField.newRangeQuery(HOURS_MIN, Integer.MIN_VALUE, c.maxHoursPerWeek()), Occur.SHOULD);
        hours.add(new TermQuery(new Term(SUPPORT, SupportKind.GRADUAL_START.name())), Occur.SHOULD);
        b.add(hours.build(), Occur.FILTER);
        for (PhysicalDemand d : c.excludedDemands()) {
            b.add(new TermQuery(new Term(DEMAND, d.name())), Occur.MUST_NOT);
        }
        if (!c.hasDrivingLicence()) {
            b.add(new TermQuery(new Term(LICENCE, LICENCE_REQUIRED)), Occur.MUST_NOT);
        }
        b.add(languageFilter(c.languages()), Occur.FILTER);
        if (!c.notForEmployers().isEmpty()) {
            b.add(LongPoint.newSetQuery(EMPLOYER_ID, c.notForEmployers().keySet()), Occur.MUST_NOT);
        }
        for (String occupation : c.notForOccupations().keySet()) {
            b.add(new TermQuery(new Term(OCCUPATION, occupation)), Occur.MUST_NOT);
        }
        if (!c.employersWithoutCapacity().isEmpty()) {
            // The ratio rule limits placements, not ordinary jobs.
            BooleanQuery.Builder full = new BooleanQuery.Builder();
            full.add(LongPoint.newSetQuery(EMPLOYER_ID, c.employersWithoutCapacity()), Occur.FILTER);
            full.add(new TermQuery(new Term(KIND, PostingKind.ORDINARY_JOB.name())), Occur.MUST_NOT);
            b.add(full.build(), Occur.MUST_NOT);
        }
        return b.build();
    }

    /** Every language requirement must be met: the number of met requirement terms must reach the count. */
    private static Query languageFilter(Map<String, LanguageLevel> languages) {
        List<Query> met = new ArrayList<>();
        languages.forEach((language, level) -> {
            for (LanguageLevel l : LanguageLevel.values()) {
                if (level.meets(l)) {
                    met.add(new TermQuery(new Term(LANGUAGE_LEVEL, PostingDocuments.languageTerm(language, l))));
                }
            }
        });
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(LANGUAGE_LEVEL, NO_LANGUAGE_REQUIREMENT)), Occur.SHOULD);
        if (!met.isEmpty()) {
            b.add(new CoveringQuery(met, LongValuesSource.fromLongField(LANGUAGE_COUNT)), Occur.SHOULD);
        }
        return b.build();
    }

    /** Hard filters plus weighted ranking clauses; the top of this list is what the scorer ranks. */
    static Query candidates(MatchCriteria c, Analyzer analyzer) {
        ScoringWeights w = c.weights();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(hardFilters(c), Occur.FILTER);
        int n = Math.max(1, c.skills().size());
        for (String skill : c.skills()) {
            b.add(constant(new TermQuery(new Term(SKILL_REQUIRED, skill)), (float) (w.skills() / n)), Occur.SHOULD);
            b.add(constant(new TermQuery(new Term(SKILL_DESIRED, skill)), (float) (w.skills() / (2 * n))), Occur.SHOULD);
        }
        for (String code : c.occupationsWanted()) {
            addOccupation(b, code, w.occupation());
        }
        for (String code : c.occupationsHeld()) {
            addOccupation(b, code, w.occupation() * 0.8);
        }
        int needs = Math.max(1, c.supportNeeds().size());
        for (SupportKind s : c.supportNeeds()) {
            b.add(constant(new TermQuery(new Term(SUPPORT, s.name())), (float) (w.support() / needs)), Occur.SHOULD);
        }
        // Distance pre-ranks in rings (points queries, no per-document reads); the scorer computes it exactly.
        // A distance feature query read every candidate's coordinates: 29 % of the search (docs/measurements.md).
        double pivotMeters = w.distancePivotKm() * 1000.0;
        for (double factor : new double[]{0.5, 1.0, 2.0}) {
            b.add(constant(LatLonPoint.newDistanceQuery(LOCATION, c.home().latitude(), c.home().longitude(),
                    pivotMeters * factor), (float) (w.distance() / 3)), Occur.SHOULD);
        }
        Query text = text(c.text(), analyzer);
        if (text != null) {
            b.add(new BoostQuery(text, (float) w.text() * 0.1f), Occur.SHOULD);
        }
        return b.build();
    }

    private static void addOccupation(BooleanQuery.Builder b, String code, double weight) {
        b.add(constant(new TermQuery(new Term(OCCUPATION, code)), (float) weight), Occur.SHOULD);
        if (code.length() >= 4) {
            b.add(constant(new TermQuery(new Term(OCCUPATION_UNIT, code.substring(0, 4))), (float) (weight * 0.6)),
                    Occur.SHOULD);
            b.add(constant(new TermQuery(new Term(OCCUPATION_MINOR, code.substring(0, 3))), (float) (weight * 0.3)),
                    Occur.SHOULD);
        }
    }

    /** The text-relevance clause alone: the citizen's occupation labels against title, occupation and text. */
    static Query text(String text, Analyzer analyzer) {
        if (text == null || text.isBlank()) {
            return null;
        }
        QueryBuilder builder = new QueryBuilder(analyzer);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        addText(b, builder.createBooleanQuery(TITLE, text), 2f);
        addText(b, builder.createBooleanQuery(OCCUPATION_TEXT, text), 1.5f);
        addText(b, builder.createBooleanQuery(DESCRIPTION, text), 0.5f);
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
