package dk.jobbro.search;

import dk.jobbro.matching.HardRule;
import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOFunction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dk.jobbro.search.PostingFields.*;

/**
 * The posting index's filter for each {@link HardRule}, found by an exhaustive {@code switch}: a new rule does not
 * compile until it has its filter here. Every rule is applied in the index; none is left to after retrieval.
 * Filters that would match almost every posting (deadline not passed, kind allowed, hours fit, languages met) are
 * written as exclusions of the few postings that break them: a MUST_NOT over a short posting list is far cheaper
 * than a FILTER over a long one.
 */
final class PostingRuleFilters {

    private static final BooleanClause MATCHABLE_POSTING =
            new BooleanClause(new TermQuery(new Term(MATCHABLE, "yes")), Occur.FILTER);

    private PostingRuleFilters() {
    }

    /**
     * Every hard rule as one query: a posting matches it exactly when {@code Eligibility.check} finds no exclusion.
     * The workplaces are read from the stored fields for each search: for small indexes (tests).
     *
     * @param languageTerms every language-requirement term in the index ({@link PostingIndex#languageTerms()})
     */
    static Query hardFilters(MatchCriteria c, Set<String> languageTerms) {
        return hardFilters(c, languageTerms, STORED_WORKPLACES, PostingRuleFilters::employersIn);
    }

    /** The workplaces of a segment as its stored fields hold them, read for every search. */
    static final IOFunction<LeafReaderContext, CommuteQuery.Workplaces> STORED_WORKPLACES =
            leaf -> CommuteQuery.Workplaces.read(leaf.reader());

    /**
     * {@link #hardFilters(MatchCriteria, Set)} with each segment's workplaces from {@code workplaces} (kept per
     * segment: {@link PostingIndex#workplaces}), and the query for the employers without capacity made by
     * {@code employersWithoutCapacity}: every citizen of a search shares that set, and sorting and packing it into a
     * point set was 2.5 % of the nightly run's matching, so the caller may keep the query while the set is the same.
     */
    static Query hardFilters(MatchCriteria c, Set<String> languageTerms,
                             IOFunction<LeafReaderContext, CommuteQuery.Workplaces> workplaces,
                             Function<Set<Long>, Query> employersWithoutCapacity) {
        // A set: rules served by the same clause (the MATCHABLE term) add it once.
        Set<BooleanClause> clauses = new LinkedHashSet<>();
        for (HardRule rule : HardRule.values()) {
            clauses.addAll(filter(rule, c, languageTerms, workplaces, employersWithoutCapacity));
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        clauses.forEach(b::add);
        return b.build();
    }

    /** The clauses that apply one rule for these criteria; empty when the criteria let every posting keep it. */
    static List<BooleanClause> filter(HardRule rule, MatchCriteria c, Set<String> languageTerms) {
        return filter(rule, c, languageTerms, STORED_WORKPLACES, PostingRuleFilters::employersIn);
    }

    /** The employers' postings: a point set over their ids. */
    static Query employersIn(Set<Long> employerIds) {
        return LongPoint.newSetQuery(EMPLOYER_ID, employerIds);
    }

    private static List<BooleanClause> filter(HardRule rule, MatchCriteria c, Set<String> languageTerms,
                                              IOFunction<LeafReaderContext, CommuteQuery.Workplaces> workplaces,
                                              Function<Set<Long>, Query> employersWithoutCapacity) {
        return switch (rule) {
            // One term, indexed only for an OPEN posting with a free slot, serves both rules.
            case NOT_OPEN, NO_FREE_SLOT -> List.of(MATCHABLE_POSTING);
            case DEADLINE_PASSED -> List.of(mustNot(
                    LongField.newRangeQuery(DEADLINE_DAY, Long.MIN_VALUE, c.today().toEpochDay() - 1)));
            case KIND_NOT_ALLOWED -> kinds(c);
            case TOO_FAR -> List.of(new BooleanClause(new CommuteQuery(c.home(), c.maxDistanceKm(), workplaces),
                    Occur.FILTER));
            case TOO_MANY_HOURS -> {
                BooleanQuery.Builder tooMany = new BooleanQuery.Builder();
                tooMany.add(IntField.newRangeQuery(HOURS_MIN, c.maxHoursPerWeek() + 1, Integer.MAX_VALUE),
                        Occur.FILTER);
                tooMany.add(new TermQuery(new Term(SUPPORT, SupportKind.GRADUAL_START.name())), Occur.MUST_NOT);
                yield List.of(mustNot(tooMany.build()));
            }
            case PHYSICAL_DEMAND -> c.excludedDemands().stream().sorted()
                    .map(d -> mustNot(new TermQuery(new Term(DEMAND, d.name())))).toList();
            case DRIVING_LICENCE -> c.hasDrivingLicence() ? List.of()
                    : List.of(mustNot(new TermQuery(new Term(LICENCE, LICENCE_REQUIRED))));
            case LANGUAGE -> {
                List<BytesRef> unmet = unmetLanguageTerms(c.languages(), languageTerms);
                yield unmet.isEmpty() ? List.of() : List.of(mustNot(new TermInSetQuery(LANGUAGE_LEVEL, unmet)));
            }
            case NO_CAPACITY -> {
                if (c.employersWithoutCapacity().isEmpty()) {
                    yield List.of();
                }
                // The ratio rule limits placements, not ordinary jobs.
                BooleanQuery.Builder full = new BooleanQuery.Builder();
                full.add(employersWithoutCapacity.apply(c.employersWithoutCapacity()), Occur.FILTER);
                full.add(new TermQuery(new Term(KIND, PostingKind.ORDINARY_JOB.name())), Occur.MUST_NOT);
                yield List.of(mustNot(full.build()));
            }
            case NOT_FOR_CITIZEN -> {
                List<BooleanClause> out = new ArrayList<>();
                if (!c.notForEmployers().isEmpty()) {
                    out.add(mustNot(LongPoint.newSetQuery(EMPLOYER_ID, c.notForEmployers().keySet())));
                }
                c.notForOccupations().keySet().stream().sorted()
                        .forEach(o -> out.add(mustNot(new TermQuery(new Term(OCCUPATION, o)))));
                yield out;
            }
        };
    }

    private static List<BooleanClause> kinds(MatchCriteria c) {
        if (c.allowedKinds().isEmpty()) {
            return List.of(new BooleanClause(new MatchNoDocsQuery("target group may not be offered any kind"),
                    Occur.FILTER));
        }
        List<BooleanClause> out = new ArrayList<>();
        for (PostingKind k : PostingKind.values()) {
            if (!c.allowedKinds().contains(k)) {
                out.add(mustNot(new TermQuery(new Term(KIND, k.name()))));
            }
        }
        return out;
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

    private static BooleanClause mustNot(Query q) {
        return new BooleanClause(q, Occur.MUST_NOT);
    }
}
