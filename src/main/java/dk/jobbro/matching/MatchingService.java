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
import java.util.HashMap;
import java.util.Optional;
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
    private final CitizenCandidates citizenCandidates;

    MatchingService(CitizenService citizens, CitizenRepository citizenRepository, PostingService postings,
                    EmployerRepository employers, PostingCandidates candidates, EligibilityPolicy policy,
                    ScoringWeights weights, Taxonomy taxonomy, Clock clock, EmployerCapacity capacity, Access access,
                    CitizenCandidates citizenCandidates) {
        this.citizenCandidates = citizenCandidates;
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
        return ranked(citizen, criteria(citizen, weights), limit);
    }

    /** A ranked posting with its score and its components' names and numbers (no texts): what the nightly stores. */
    public record RankedPosting(PostingFacts posting, double score, List<ScoreComponent> components) {
    }

    /**
     * The same ranking as {@link #matchesFor(long, int)} for a citizen the caller loaded (and audited) through
     * {@link CitizenService}, with the citizen's "not for" entries read together with others'
     * ({@link CitizenService#notFor(java.util.Collection)}): the nightly run's path, which saves two queries per
     * citizen. Score and components equal the explanation's; the Danish texts are not built.
     */
    public List<RankedPosting> rankedFor(Citizen citizen, List<NotForCitizen> notFor, int limit) {
        MatchCriteria criteria = criteria(citizen, weights, notFor);
        boolean activityReady = citizen.targetGroup().activityReady();
        return candidates.best(criteria, limit, activityReady).stream().map(s -> new RankedPosting(s.facts(),
                ScoreComponent.round(s.score()), MatchScorer.components(criteria, s.facts(), s.textScore(),
                activityReady))).toList();
    }

    private List<PostingMatch> ranked(Citizen citizen, MatchCriteria criteria, int limit) {
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
     * numbers suppressed ({@link CandidateCountDisclosure}). One count query over the citizen index.
     */
    public CandidateCountDisclosure candidateCount(long postingId) {
        Posting posting = postings.get(postingId);
        PostingFacts facts = facts(posting);
        if (!postingExclusions(facts, capacity.employersWithoutHeadroom()).isEmpty()) {
            return CandidateCountDisclosure.of(0);
        }
        return CandidateCountDisclosure.of(citizenCandidates.count(new CitizenCandidates.Search(facts,
                allowedGroups(posting.kind()), Optional.empty(), weights, false, SkillRarity.UNIFORM)));
    }

    /**
     * Candidates among the citizens the caller may see (a consultant's own jobcentres), exactly ranked from the
     * citizen index ({@link CandidateRanking}); each returned citizen is loaded from the database and audited as read.
     */
    public List<CitizenMatch> candidatesFor(long postingId, int limit) {
        Posting posting = postings.get(postingId);
        List<CitizenMatch> found = rankFromIndex(posting, limit, access.jobcentreScope());
        access.citizensListed(found.stream().map(c -> c.citizen().id()).toList());
        return found;
    }

    private List<CitizenMatch> rankFromIndex(Posting posting, int limit, Optional<Set<String>> jobcentres) {
        PostingFacts facts = facts(posting);
        List<CandidateRanking.Ranked> top = rankedFromIndex(facts, limit, jobcentres, null);
        Map<Long, Citizen> records = new HashMap<>();
        if (!top.isEmpty()) {
            citizenRepository.findByIdIn(top.stream().map(r -> r.citizen().id()).toList())
                    .forEach(c -> records.put(c.id(), c));
        }
        List<CitizenMatch> out = new ArrayList<>(top.size());
        for (CandidateRanking.Ranked r : top) {
            Citizen record = records.get(r.citizen().id());
            if (record != null) { // erased since the index saw them
                out.add(new CitizenMatch(record, MatchScorer.explain(r.criteria(), facts, r.text(),
                        r.citizen().targetGroup().activityReady(), taxonomy::skillLabel)));
            }
        }
        return out;
    }

    /** The exact top {@code limit} from the citizen index, without loading or auditing: ranking and benchmark. */
    List<CandidateRanking.Ranked> rankedFromIndex(Posting posting, int limit, Optional<Set<String>> jobcentres,
                                                  CandidateRanking.Effort[] effort) {
        return rankedFromIndex(facts(posting), limit, jobcentres, effort);
    }

    private List<CandidateRanking.Ranked> rankedFromIndex(PostingFacts facts, int limit,
                                                          Optional<Set<String>> jobcentres,
                                                          CandidateRanking.Effort[] effort) {
        Set<Long> noHeadroom = capacity.employersWithoutHeadroom();
        if (!postingExclusions(facts, noHeadroom).isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        SkillRarity rarity = candidates.skillRarity();
        CandidateRanking ranking = new CandidateRanking(citizenCandidates,
                f -> CitizenMatchProfile.criteria(f, policy, weights, today, noHeadroom, rarity),
                citizenCandidates.textRelevance(facts.id()));
        return ranking.top(new CitizenCandidates.Search(facts, allowedGroups(facts.kind()), jobcentres, weights,
                true, rarity), limit, effort);
    }

    /**
     * Every given citizen checked and scored, the k best kept: what {@link #rankedFromIndex} must equal. For the
     * benchmark, over the index's in-memory facts of all citizens; O(citizens).
     */
    List<CandidateRanking.Ranked> rankExhaustively(Posting posting, Iterable<CitizenFacts> all, int limit) {
        PostingFacts facts = facts(posting);
        Set<Long> noHeadroom = capacity.employersWithoutHeadroom();
        LocalDate today = LocalDate.now(clock);
        SkillRarity rarity = candidates.skillRarity();
        Map<String, Float> texts = new HashMap<>();
        List<CandidateRanking.Ranked> out = new ArrayList<>();
        for (CitizenFacts f : all) {
            MatchCriteria c = CitizenMatchProfile.criteria(f, policy, weights, today, noHeadroom, rarity);
            if (Eligibility.check(c, facts).isEmpty()) {
                float text = texts.computeIfAbsent(c.text(),
                        t -> (float) candidates.textScore(c, posting.id()).orElse(0));
                out.add(new CandidateRanking.Ranked(f, c, text,
                        MatchScorer.score(c, facts, text, f.targetGroup().activityReady())));
            }
        }
        out.sort(Comparator.comparingDouble(CandidateRanking.Ranked::score).reversed()
                .thenComparingLong(r -> r.citizen().id()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    /**
     * The rules that keep a posting from everyone (not open, no free slot, deadline passed, the employer's ratio
     * rule): {@link Eligibility} for criteria that meet every rule about the citizen.
     */
    private List<Exclusion> postingExclusions(PostingFacts facts, Set<Long> noHeadroom) {
        Map<String, dk.jobbro.vocabulary.LanguageLevel> languages = new HashMap<>();
        facts.languageRequirements().forEach(l -> languages.put(l.language(), dk.jobbro.vocabulary.LanguageLevel.NATIVE));
        MatchCriteria anyone = new MatchCriteria(EnumSet.allOf(dk.jobbro.posting.PostingKind.class), facts.location(),
                Double.MAX_VALUE, Integer.MAX_VALUE, Set.of(), true, languages, LocalDate.now(clock), Set.of(),
                Set.of(), Set.of(), Set.of(), "", weights, noHeadroom, Map.of(), Map.of(),
                null, SkillRarity.UNIFORM, 0);
        return Eligibility.check(anyone, facts);
    }

    private Set<TargetGroup> allowedGroups(dk.jobbro.posting.PostingKind kind) {
        Set<TargetGroup> groups = EnumSet.noneOf(TargetGroup.class);
        for (TargetGroup g : TargetGroup.values()) {
            if (policy.allowedKinds(g).contains(kind)) {
                groups.add(g);
            }
        }
        return groups;
    }

    /**
     * The exhaustive answer from the database, as candidates were found before the citizen index: every citizen
     * whose commute box covers the posting loaded and checked, every one scored. The reference the index's answer
     * is held to (tests, benchmark baseline); not audited, never returned to a caller.
     */
    List<CitizenMatch> candidatesFromDatabase(long postingId, int limit) {
        return rankCandidates(postings.get(postingId), limit, jobcentre -> true);
    }

    /** The employer's count the exhaustive way, from the database: the reference for the index's count. */
    int candidateCountFromDatabase(long postingId) {
        Posting posting = postings.get(postingId);
        return eligibleCitizens(posting, facts(posting), jobcentre -> true,
                EnumSet.of(HardRule.PHYSICAL_DEMAND, HardRule.NOT_FOR_CITIZEN)).size();
    }

    private List<CitizenMatch> rankCandidates(Posting posting, int limit, Predicate<String> visible) {
        long postingId = posting.id();
        PostingFacts facts = facts(posting);
        record Scored(Eligible eligible, float text, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Eligible e : eligibleCitizens(posting, facts, visible, EnumSet.noneOf(HardRule.class))) {
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
                                            Set<HardRule> ignored) {
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
