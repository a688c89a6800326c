package dk.jobbro.matching;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenRepository;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.citizen.NotForCitizen;
import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingService;
import dk.jobbro.security.Access;
import dk.jobbro.taxonomy.Taxonomy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Matches citizens and postings both ways. For a citizen, the index offers every posting that passes the hard rules
 * and keeps the exact top k by {@link MatchScorer}'s score ({@link ExactTopK}); {@link MatchScorer} explains each rank
 * with the same numbers. Ties go to the lower posting id, so the same input always gives the same list.
 */
@Singleton
public class MatchingService {

    /** Maximum commute a citizen may record (CitizenRequest); bounds the candidate search around a posting. */
    private static final double MAX_COMMUTE_KM = 200;

    private final CitizenService citizens;
    private final CitizenRepository citizenRepository;
    private final PostingService postings;
    private final EmployerRepository employers;
    private final PostingCandidates candidates;
    private final EligibilityPolicy policy;
    private final ScoringWeights weights;
    private final Taxonomy taxonomy;
    private final Clock clock;
    private final EmployerCapacity capacity;
    private final Access access;

    MatchingService(CitizenService citizens, CitizenRepository citizenRepository, PostingService postings,
                    EmployerRepository employers, PostingCandidates candidates, EligibilityPolicy policy,
                    ScoringWeights weights, Taxonomy taxonomy, Clock clock, EmployerCapacity capacity, Access access) {
        this.access = access;
        this.capacity = capacity;
        this.citizens = citizens;
        this.citizenRepository = citizenRepository;
        this.postings = postings;
        this.employers = employers;
        this.candidates = candidates;
        this.policy = policy;
        this.weights = weights;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /** A proposed posting with its explanation. */
    public record PostingMatch(PostingFacts posting, MatchExplanation explanation) {
    }

    /** A proposed citizen for a posting with its explanation. */
    public record CitizenMatch(Citizen citizen, MatchExplanation explanation) {
    }

    /** What matching says about one citizen and one posting, excluded or not. */
    public record PairExplanation(PostingFacts posting, boolean eligible, List<Exclusion> exclusions,
                                  MatchExplanation explanation) {
    }

    public List<PostingMatch> matchesFor(long citizenId, int limit) {
        return matchesFor(citizens.read(citizenId), limit, weights);
    }

    /**
     * Matches for a citizen held in memory, with the given weights: the path the benchmark and the relevance
     * evaluation (with one component switched off at a time) measure.
     */
    public List<PostingMatch> matchesFor(Citizen citizen, int limit, ScoringWeights weights) {
        MatchCriteria criteria = criteria(citizen, weights);
        boolean activityReady = citizen.targetGroup().activityReady();
        return candidates.best(criteria, limit, activityReady).stream().map(s -> new PostingMatch(s.facts(),
                MatchScorer.explain(criteria, s.facts(), s.textScore(), activityReady, taxonomy::skillLabel)))
                .toList();
    }

    public PairExplanation explain(long citizenId, long postingId) {
        Citizen citizen = citizens.read(citizenId);
        Posting posting = postings.get(postingId);
        PostingFacts facts = facts(posting);
        MatchCriteria criteria = criteria(citizen);
        List<Exclusion> exclusions = Eligibility.check(criteria, facts);
        float text = (float) candidates.textScore(criteria, postingId).orElse(0);
        MatchExplanation explanation = MatchScorer.explain(criteria, facts, text,
                citizen.targetGroup().activityReady(), taxonomy::skillLabel);
        return new PairExplanation(facts, exclusions.isEmpty(), exclusions, explanation);
    }

    /**
     * How many citizens fit the posting, over all jobcentres, as an employer may learn it: the rules about a person's
     * health (physical demands) and a consultant's "not for this citizen" are left out, so that editing the
     * posting's physical demands or a consultant's judgement never moves the number; then it is rounded and small
     * numbers suppressed ({@link CandidateCountDisclosure}).
     */
    public CandidateCountDisclosure candidateCount(long postingId) {
        Posting posting = postings.get(postingId);
        int count = eligibleCitizens(posting, facts(posting), jobcentre -> true,
                EnumSet.of(Exclusion.Rule.PHYSICAL_DEMAND, Exclusion.Rule.NOT_FOR_CITIZEN)).size();
        return CandidateCountDisclosure.of(count);
    }

    /** Candidates among the citizens the caller may see (a consultant's own jobcentres); each audited as read. */
    public List<CitizenMatch> candidatesFor(long postingId, int limit) {
        Posting posting = postings.get(postingId);
        List<CitizenMatch> found = rankCandidates(posting, limit, access.citizenVisible());
        access.citizensListed(found.stream().map(c -> c.citizen().id()).toList());
        return found;
    }

    private List<CitizenMatch> rankCandidates(Posting posting, int limit, Predicate<String> visible) {
        long postingId = posting.id();
        PostingFacts facts = facts(posting);
        record Scored(Eligible eligible, float text, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Eligible e : eligibleCitizens(posting, facts, visible, EnumSet.noneOf(Exclusion.Rule.class))) {
            float text = (float) candidates.textScore(e.criteria(), postingId).orElse(0);
            scored.add(new Scored(e, text,
                    MatchScorer.score(e.criteria(), facts, text, e.citizen().targetGroup().activityReady())));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingLong(s -> s.eligible().citizen().id()));
        return scored.stream().limit(limit).map(s -> new CitizenMatch(s.eligible().citizen(),
                MatchScorer.explain(s.eligible().criteria(), facts, s.text(),
                        s.eligible().citizen().targetGroup().activityReady(), taxonomy::skillLabel))).toList();
    }

    /** A citizen who passes every hard rule for a posting, with the criteria that said so. */
    private record Eligible(Citizen citizen, MatchCriteria criteria) {
    }

    /**
     * The visible citizens who pass every hard rule for the posting: target groups allowed its kind, a box in SQL,
     * then {@link Eligibility} per citizen. Their "not for this citizen" entries come in one query.
     */
    private List<Eligible> eligibleCitizens(Posting posting, PostingFacts facts, Predicate<String> visible,
                                            Set<Exclusion.Rule> ignored) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (TargetGroup g : TargetGroup.values()) {
            if (policy.allowedKinds(g).contains(posting.kind())) {
                groups.add(g);
            }
        }
        if (groups.isEmpty()) {
            return List.of();
        }
        // cos of the northern edge of the box understates longitude degrees slightly: the box stays a superset.
        double cos = Math.cos(Math.toRadians(Math.min(90, posting.latitude() + MAX_COMMUTE_KM / 111.2)));
        List<Citizen> nearby = citizenRepository.findActiveWithinCommuteOf(groups, posting.latitude(),
                posting.longitude(), cos).stream().filter(c -> visible.test(c.jobcentre())).toList();
        Map<Long, List<NotForCitizen>> notFor = citizens.notFor(nearby.stream().map(Citizen::id).toList());
        List<Eligible> out = new ArrayList<>();
        for (Citizen c : nearby) {
            MatchCriteria criteria = criteria(c, weights, notFor.getOrDefault(c.id(), List.of()));
            if (Eligibility.check(criteria, facts).stream().allMatch(x -> ignored.contains(x.rule()))) {
                out.add(new Eligible(c, criteria));
            }
        }
        return out;
    }

    private PostingFacts facts(Posting posting) {
        return PostingFacts.of(posting, employerName(posting.employerId()), taxonomy);
    }

    MatchCriteria criteria(Citizen citizen) {
        return criteria(citizen, weights);
    }

    MatchCriteria criteria(Citizen citizen, ScoringWeights scoringWeights) {
        return criteria(citizen, scoringWeights, citizen.id() == null ? List.of() : citizens.notFor(citizen.id()));
    }

    private MatchCriteria criteria(Citizen citizen, ScoringWeights scoringWeights, List<NotForCitizen> notFor) {
        return CitizenMatchProfile.criteria(citizen, policy, scoringWeights, taxonomy, LocalDate.now(clock),
                capacity.employersWithoutHeadroom(), notFor, candidates.skillRarity());
    }

    public ScoringWeights weights() {
        return weights;
    }

    public String eligibilityVersion() {
        return policy.getVersion();
    }

    private String employerName(long employerId) {
        return employers.findById(employerId).map(Employer::name).orElse("");
    }
}
