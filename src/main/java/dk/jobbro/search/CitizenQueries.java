package dk.jobbro.search;

import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.matching.CitizenCandidates;
import dk.jobbro.matching.HardRule;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.document.IntField;
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
import java.util.List;

import static dk.jobbro.search.CitizenFields.*;

/**
 * Queries over the citizen index for one posting: the hard rules as filters, and an upper bound of
 * {@code MatchScorer.score} without its skill points as the score (the skill points are computed exactly beside the
 * query, {@link PostingSkillWeights}).
 *
 * <p>The bound, component by component: occupation, experience, hours and distance from the index (occupation and
 * experience as the best relation, as the scorer takes it); support at its weight (activity-ready citizens' weight
 * for them) when the posting offers any support, since support needs are never indexed; text at its weight for
 * citizens who want an occupation; distance scored by the commute filter itself
 * ({@link CommuteReachQuery#scoringDistance}). {@link #constant} is the part every citizen gets (hours in full when
 * the hours are a filter); {@link #MARGIN} covers float sums.
 */
final class CitizenQueries {

    /** Score units: float sums of a few clauses and the float of each clause (~1e-6 points each). */
    static final double MARGIN = 0.01;

    private CitizenQueries() {
    }

    /**
     * The hard rules as filters over the citizens, each {@link HardRule} found by an exhaustive {@code switch}
     * ({@link #filter}), plus the caller's jobcentres (tenancy, not a rule of matching).
     */
    static Query filters(CitizenCandidates.Search s, IOFunction<LeafReaderContext, CommuteReachQuery.Homes> homes) {
        return filters(s, homes, false);
    }

    /**
     * The filters; with {@code scoreDistance} the commute clause is a {@code MUST} that also scores the bound's
     * distance points, so each citizen's home is read and measured once for both.
     */
    private static Query filters(CitizenCandidates.Search s,
                                 IOFunction<LeafReaderContext, CommuteReachQuery.Homes> homes, boolean scoreDistance) {
        if (s.targetGroups().isEmpty() || s.jobcentres().map(java.util.Set::isEmpty).orElse(false)) {
            return new MatchNoDocsQuery("no target group or jobcentre to search");
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (HardRule rule : HardRule.values()) {
            if (rule == HardRule.TOO_FAR && scoreDistance) {
                PostingFacts p = s.posting();
                b.add(CommuteReachQuery.scoringDistance(p.location().latitude(), p.location().longitude(), homes,
                        s.weights().distance(), s.weights().distancePivotKm()), Occur.MUST);
            } else {
                filter(rule, s, homes).forEach(b::add);
            }
        }
        s.jobcentres().ifPresent(centres -> b.add(new TermInSetQuery(JOBCENTRE,
                centres.stream().map(BytesRef::new).toList()), Occur.FILTER));
        return b.build();
    }

    /**
     * The citizen index's clauses for one rule and this posting: a new rule does not compile until it says here how
     * the reverse search applies it. Rules about the posting alone are decided before the search; the health rule
     * after it, on the facts in memory, because health is never indexed.
     */
    static List<BooleanClause> filter(HardRule rule, CitizenCandidates.Search s,
                                      IOFunction<LeafReaderContext, CommuteReachQuery.Homes> homes) {
        PostingFacts p = s.posting();
        return switch (rule) {
            // The posting alone decides them, for every citizen: MatchingService checks them before searching.
            case NOT_OPEN, NO_FREE_SLOT, DEADLINE_PASSED, NO_CAPACITY -> List.of();
            case KIND_NOT_ALLOWED -> {
                List<BooleanClause> out = new ArrayList<>();
                for (TargetGroup g : TargetGroup.values()) {
                    if (!s.targetGroups().contains(g)) {
                        out.add(new BooleanClause(new TermQuery(new Term(TARGET_GROUP, g.name())), Occur.MUST_NOT));
                    }
                }
                yield out;
            }
            case TOO_FAR -> List.of(new BooleanClause(
                    new CommuteReachQuery(p.location().latitude(), p.location().longitude(), homes), Occur.FILTER));
            case TOO_MANY_HOURS -> !hoursFiltered(p) ? List.of()
                    : List.of(new BooleanClause(IntField.newRangeQuery(MAX_HOURS, p.hoursMin(), Integer.MAX_VALUE),
                    Occur.FILTER));
            // Health limitations are special-category data and never indexed: CandidateRanking checks each hit.
            case PHYSICAL_DEMAND -> List.of();
            case DRIVING_LICENCE -> p.drivingLicenceRequired()
                    ? List.of(new BooleanClause(new TermQuery(new Term(LICENCE, YES)), Occur.FILTER)) : List.of();
            case LANGUAGE -> p.languageRequirements().stream()
                    .map(required -> new BooleanClause(new TermQuery(new Term(LANGUAGE,
                            CitizenDocuments.languageTerm(required.language(), required.level().ordinal()))),
                            Occur.FILTER)).toList();
            case NOT_FOR_CITIZEN -> !s.respectNotFor() ? List.of() : List.of(
                    new BooleanClause(new TermQuery(new Term(NOT_FOR_EMPLOYER, Long.toString(p.employerId()))),
                            Occur.MUST_NOT),
                    new BooleanClause(new TermQuery(new Term(NOT_FOR_OCCUPATION, p.occupationCode())),
                            Occur.MUST_NOT));
        };
    }

    /**
     * The filters, scoring the distance part of the bound (the commute clause); {@link CitizenBound} adds the rest
     * per citizen.
     */
    static Query bound(CitizenCandidates.Search s, IOFunction<LeafReaderContext, CommuteReachQuery.Homes> homes) {
        return filters(s, homes, s.weights().distance() > 0);
    }

    /**
     * The part of the bound every citizen gets, outside the query: hours at the gradual-start share (all of it when the
     * hours are a filter), support.
     */
    static double constant(CitizenCandidates.Search s) {
        ScoringWeights w = s.weights();
        double support = s.posting().supportOffered().isEmpty() ? 0 : w.support();
        double hours = hoursFiltered(s.posting()) ? w.hours() : w.hours() * w.hoursGradualStart();
        return hours + support + MARGIN;
    }

    /** Whether the posting's minimum hours are a filter: unless it offers a gradual start, they must fit. */
    static boolean hoursFiltered(PostingFacts p) {
        return !p.supportOffered().contains(SupportKind.GRADUAL_START);
    }
}
