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
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dk.jobbro.search.PostingFields.*;

/**
 * Builds the Lucene queries for a citizen's matches: every hard rule as a filter (the same rules as
 * {@code Eligibility}), and the text relevance of the wanted occupations. The ranking itself is
 * {@code MatchScorer}'s, computed for every posting the filter passes ({@code ExactTopK}).
 */
final class MatchQueries {

    private MatchQueries() {
    }

    /**
     * The hard rules as a query. Filters that would match almost every posting (deadline not passed, kind
     * allowed, hours fit, languages met) are written as exclusions of the few postings that break them: a
     * MUST_NOT over a short posting list is far cheaper than a FILTER over a long one.
     *
     * @param languageTerms every language-requirement term in the index ({@link PostingIndex#languageTerms()})
     */
    static Query hardFilters(MatchCriteria c, Set<String> languageTerms) {
        if (c.allowedKinds().isEmpty()) {
            return new MatchNoDocsQuery("target group may not be offered any kind");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new TermQuery(new Term(MATCHABLE, "yes")), Occur.FILTER); // OPEN with a free slot
        b.add(LatLonPoint.newDistanceQuery(LOCATION, c.home().latitude(), c.home().longitude(),
                c.maxDistanceKm() * 1000.0), Occur.FILTER);
        b.add(LongField.newRangeQuery(DEADLINE_DAY, Long.MIN_VALUE, c.today().toEpochDay() - 1), Occur.MUST_NOT);
        for (PostingKind k : PostingKind.values()) {
            if (!c.allowedKinds().contains(k)) {
                b.add(new TermQuery(new Term(KIND, k.name())), Occur.MUST_NOT);
            }
        }
        // Too many hours, unless a gradual start is offered.
        BooleanQuery.Builder tooManyHours = new BooleanQuery.Builder();
        tooManyHours.add(IntField.newRangeQuery(HOURS_MIN, c.maxHoursPerWeek() + 1, Integer.MAX_VALUE), Occur.FILTER);
        tooManyHours.add(new TermQuery(new Term(SUPPORT, SupportKind.GRADUAL_START.name())), Occur.MUST_NOT);
        b.add(tooManyHours.build(), Occur.MUST_NOT);
        for (PhysicalDemand d : c.excludedDemands()) {
            b.add(new TermQuery(new Term(DEMAND, d.name())), Occur.MUST_NOT);
        }
        if (!c.hasDrivingLicence()) {
            b.add(new TermQuery(new Term(LICENCE, LICENCE_REQUIRED)), Occur.MUST_NOT);
        }
        List<BytesRef> unmet = unmetLanguageTerms(c.languages(), languageTerms);
        if (!unmet.isEmpty()) {
            b.add(new TermInSetQuery(LANGUAGE_LEVEL, unmet), Occur.MUST_NOT);
        }
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

    /** Requirement terms ("language:levelOrdinal") in the index that the citizen's languages do not meet. */
    static List<BytesRef> unmetLanguageTerms(Map<String, LanguageLevel> languages, Set<String> languageTerms) {
        List<BytesRef> unmet = new ArrayList<>();
        for (String term : languageTerms) {
            int colon = term.indexOf(':');
            if (colon < 0) {
                continue; // the "no requirement" marker
            }
            LanguageLevel has = languages.get(term.substring(0, colon));
            int required = Integer.parseInt(term.substring(colon + 1));
            if (has == null || has.ordinal() < required) {
                unmet.add(new BytesRef(term));
            }
        }
        unmet.sort(null);
        return unmet;
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
