package dk.jobbro.search;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.matching.ExactTopK;
import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.MatchExplanation;
import dk.jobbro.matching.MatchScorer;
import dk.jobbro.matching.MatchingProbe;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.PostingVector;
import dk.jobbro.matching.ScoreComponent;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.posting.Posting;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A citizen's matches are exactly the head of a ranking of every eligible posting by {@link MatchScorer#score}: same
 * postings, same order, ties to the lower id. On a generated index of 3,000 postings (plus exact copies, so that
 * scores tie), for generated citizens and for citizens with no skills or occupations at all, ranked by distance,
 * hours and support alone.
 */
class ExactTopKTest {

    private static final int POSTINGS = 3_000;
    private static final int COPIES = 300;
    private static ApplicationContext context;
    private static PostingIndex index;
    private static MatchingService matching;
    private static ScoringWeights weights;
    private static SyntheticDenmark denmark;
    private static final List<Posting> written = new ArrayList<>();

    @BeforeAll
    static void generatedIndex() throws Exception {
        Path resources = Path.of("index");
        context = ApplicationContext.builder().properties(Map.of(
                "jobbro.demo-data.enabled", false,
                "jobbro.embedded-db.fresh-database-per-context", true,
                "jobbro.index.path", Files.createTempDirectory("jobbro-exact-top-k").toString(),
                "jobbro.taxonomy.seed-dir", resources.resolve("taxonomy").toString(),
                "jobbro.resources-dir", resources.toString())).deduceEnvironment(false).start();
        index = context.getBean(PostingIndex.class);
        matching = context.getBean(MatchingService.class);
        weights = matching.weights();
        Taxonomy taxonomy = context.getBean(Taxonomy.class);
        denmark = new SyntheticDenmark(resources, 7);
        for (long id = 1; id <= POSTINGS; id++) {
            written.add(denmark.posting(id));
        }
        // Exact copies under higher ids: the same score, so the order between them is the tie rule's.
        for (int i = 0; i < COPIES; i++) {
            written.add(withId(written.get(i * 7), 10_000 + i));
        }
        for (Posting p : written) {
            index.upsert(p.id(), PostingDocuments.toDocument(p, denmark.employers().get(p.employerId()).name(),
                    taxonomy));
        }
        index.refresh();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void theTopKIsTheHeadOfAnExhaustiveRankingForEveryCitizenAndEveryK() {
        int ties = 0;
        for (int i = 1; i <= 150; i++) {
            Citizen c = denmark.citizen(i);
            for (int k : new int[]{1, 20, 75}) {
                ties += assertExact(c, k);
            }
        }
        assertTrue(ties > 0, "the generated world has tied scores in some top k");
    }

    @Test
    void citizensWithoutSkillsOrOccupationsAreRankedByDistanceHoursAndSupportAlone() {
        int ties = 0;
        for (int i = 200; i < 260; i++) {
            Citizen c = denmark.citizen(i);
            Citizen bare = new Citizen(c.id(), c.name(), c.jobcentre(), c.targetGroup(), c.homePostcode(),
                    c.homeLatitude(), c.homeLongitude(), c.maxCommuteKm(), c.maxHoursPerWeek(), c.availableFrom(),
                    List.of(), List.of(), List.of(), c.healthLimitations(), c.supportNeeds(),
                    c.drivingLicence(), c.languages(), c.active(), c.createdAt(), c.updatedAt());
            ties += assertExact(bare, 20);
        }
        assertTrue(ties > 0, "without skills, postings at the same place tie");
    }

    /**
     * The scan offers the postings of a related occupation first and passes over the others once the k-th score is
     * above what they can score ({@link ExactTopK#boundOfOthers}): every eligible posting of an unrelated occupation
     * scores at most that bound, for its sharing of a skill and its offering of a support need. The bound is also
     * tight to within its smallest term (some posting of each kind scores above the bound less that term), so a bound
     * without its text, distance, hours, support or skills term fails here.
     */
    @Test
    void noPostingOfAnUnrelatedOccupationScoresAboveTheBoundItIsPassedOverBy() {
        int[][] checked = new int[2][2];
        double[][] mostAboveBound = {{-99, -99}, {-99, -99}};
        for (int i = 1; i <= 150; i++) {
            Citizen c = denmark.citizen(i);
            MatchCriteria criteria = MatchingProbe.criteria(matching, c, weights);
            boolean activityReady = c.targetGroup().activityReady();
            ExactTopK top = new ExactTopK(criteria, activityReady, 20, index.codeIds());
            for (ExhaustiveRanking.Ranked r : ExhaustiveRanking.top(index, criteria, activityReady,
                    Integer.MAX_VALUE)) {
                PostingFacts p = index.facts(r.postingId());
                List<String> skills = new ArrayList<>(p.requiredSkills());
                p.desiredSkills().stream().filter(s -> !p.requiredSkills().contains(s)).forEach(skills::add);
                skills.addAll(p.occupationSkills());
                if (MatchingProbe.occupationPoints(criteria, p.occupationCode()) > 0
                        || skills.stream().distinct().count() < skills.size()) {
                    continue; // offered first, whatever the threshold
                }
                boolean shares = skills.stream().anyMatch(criteria.skills()::contains);
                boolean offers = p.supportOffered().stream().anyMatch(criteria.supportNeeds()::contains)
                        && !criteria.supportNeeds().isEmpty();
                double bound = top.boundOfOthers(shares, offers);
                assertTrue(r.score() <= bound, "posting " + p.id() + ", citizen " + i + ": " + r.score()
                        + " above the bound " + bound);
                int s = shares ? 1 : 0;
                int o = offers ? 1 : 0;
                checked[s][o]++;
                mostAboveBound[s][o] = Math.max(mostAboveBound[s][o], r.score() - bound);
            }
        }
        String seen = "checked " + java.util.Arrays.deepToString(checked) + ", most above the bound "
                + java.util.Arrays.deepToString(mostAboveBound) + " (by sharing a skill, then offering a need)";
        for (int s = 0; s < 2; s++) {
            for (int o = 0; o < 2; o++) {
                assertTrue(checked[s][o] > 1_000, seen);
            }
        }
        double smallestOfTextDistanceHours = Math.min(weights.text(), Math.min(weights.distance(), weights.hours()));
        assertTrue(mostAboveBound[0][0] > -smallestOfTextDistanceHours, seen);
        assertTrue(mostAboveBound[0][1] > -weights.support(), seen);
        assertTrue(mostAboveBound[1][0] > -weights.skills() && mostAboveBound[1][1] > -weights.skills(), seen);
    }

    @Test
    void theScanPassesOverPostingsOutOfReachAndStillFindsTheExactTopK() {
        LucenePostingCandidates candidates = (LucenePostingCandidates) context.getBean(
                dk.jobbro.matching.PostingCandidates.class);
        long eligible = 0;
        long passedOver = 0;
        int searchesPassingOver = 0;
        for (int i = 1; i <= 150; i++) {
            Citizen c = denmark.citizen(i);
            MatchCriteria criteria = MatchingProbe.criteria(matching, c, weights);
            boolean activityReady = c.targetGroup().activityReady();
            int[] counts = candidates.scan(criteria, 20, activityReady,
                    top -> new int[]{top.eligible(), top.eligible() - top.offered()});
            eligible += counts[0];
            passedOver += counts[1];
            searchesPassingOver += counts[1] > 0 ? 1 : 0;
            assertExact(c, 20);
        }
        assertTrue(searchesPassingOver > 50 && passedOver * 4 > eligible, "passed over " + passedOver + " of "
                + eligible + " eligible postings, in " + searchesPassingOver + " of 150 searches");
    }

    @Test
    void theScanScoresEveryPairAsMatchScorerDoes() {
        Random random = new Random(11);
        int pairs = 0;
        for (int i = 1; i <= 200; i++) {
            Citizen c = denmark.citizen(i);
            MatchCriteria criteria = MatchingProbe.criteria(matching, c, weights);
            boolean activityReady = c.targetGroup().activityReady();
            ExactTopK top = new ExactTopK(criteria, activityReady, 20, index.codeIds());
            for (int j = 0; j < 50; j++) {
                PostingFacts p = index.facts(written.get(random.nextInt(written.size())).id());
                float text = random.nextInt(3) == 0 ? 0f : random.nextFloat() * 12;
                assertEquals(MatchScorer.score(criteria, p, text, activityReady),
                        top.score(PostingVector.of(p, index.codeIds()), text), 0.0,
                        "posting " + p.id() + ", citizen " + i);
                pairs++;
            }
        }
        assertEquals(10_000, pairs);
    }

    /** The reverse search's bound adds these points exactly (its margin covers only the order of the sums). */
    @Test
    void theReverseSearchsSkillPointsAreTheScorersSkillPoints() {
        Random random = new Random(13);
        int shared = 0;
        for (int i = 1; i <= 200; i++) {
            Citizen c = denmark.citizen(i);
            MatchCriteria criteria = MatchingProbe.criteria(matching, c, weights);
            int[] held = criteria.skills().stream().mapToInt(index.codeIds()::skill).toArray();
            for (int j = 0; j < 50; j++) {
                PostingFacts p = index.facts(written.get(random.nextInt(written.size())).id());
                double scorer = weights.skills() * MatchingProbe.skillValue(criteria, p);
                double bound = CitizenBound.of(p, weights, criteria.skillRarity(), index.codeIds())
                        .skillPoints(held, 0, held.length);
                assertEquals(scorer, bound, 1e-12 * Math.max(1, scorer), "posting " + p.id() + ", citizen " + i);
                if (scorer > 0) {
                    shared++;
                }
            }
        }
        assertTrue(shared > 1_000, "pairs that share skills: " + shared);
    }

    @Test
    void aVectorSharedBySearchesScoresEachPairAsMatchScorerDoesWhateverTheSearchBeforeIt() {
        // The vector keeps its skill norm for the IDF view and shares it was computed with: searches under other
        // shares (here every other citizen) must not read it.
        ScoringWeights other = weights.with("skillDesiredShare", weights.skillDesiredShare() / 2)
                .with("skillOccupationShare", Math.min(1, weights.skillOccupationShare() * 2 + 0.1));
        java.util.Map<Long, PostingVector> vectors = new java.util.HashMap<>();
        Random random = new Random(13);
        int pairs = 0;
        for (int i = 1; i <= 100; i++) {
            Citizen c = denmark.citizen(i);
            MatchCriteria criteria = MatchingProbe.criteria(matching, c, i % 2 == 0 ? weights : other);
            boolean activityReady = c.targetGroup().activityReady();
            ExactTopK top = new ExactTopK(criteria, activityReady, 20, index.codeIds());
            for (int j = 0; j < 50; j++) {
                PostingFacts p = index.facts(written.get(random.nextInt(100)).id());
                PostingVector v = vectors.computeIfAbsent(p.id(), id -> PostingVector.of(p, index.codeIds()));
                float text = random.nextInt(3) == 0 ? 0f : random.nextFloat() * 12;
                assertEquals(MatchScorer.score(criteria, p, text, activityReady), top.score(v, text), 0.0,
                        "posting " + p.id() + ", citizen " + i);
                pairs++;
            }
        }
        assertEquals(5_000, pairs);
        assertTrue(vectors.size() * 10 < pairs, "each vector was read by many searches: " + vectors.size());
    }

    @Test
    void theNightlyRankingHasTheExplanationsPostingsScoresAndComponentNumbers() {
        int components = 0;
        for (int i = 1; i <= 80; i++) {
            Citizen c = denmark.citizen(i);
            List<MatchingService.PostingMatch> explained = matching.matchesFor(c, 30, weights);
            List<MatchingService.RankedPosting> nightly = matching.rankedFor(c, List.of(), 30);
            assertEquals(explained.stream().map(m -> m.posting().id()).toList(),
                    nightly.stream().map(m -> m.posting().id()).toList(), "citizen " + i);
            for (int j = 0; j < nightly.size(); j++) {
                MatchExplanation e = explained.get(j).explanation();
                assertEquals(e.score(), nightly.get(j).score(), 0.0, "citizen " + i + ", rank " + (j + 1));
                assertEquals(e.components().size(), nightly.get(j).components().size());
                for (int n = 0; n < e.components().size(); n++) {
                    ScoreComponent shown = e.components().get(n);
                    ScoreComponent stored = nightly.get(j).components().get(n);
                    assertEquals(List.of(shown.name(), shown.value(), shown.weight(), shown.points()),
                            List.of(stored.name(), stored.value(), stored.weight(), stored.points()),
                            "citizen " + i + ", rank " + (j + 1));
                    components++;
                }
            }
        }
        assertTrue(components > 80 * 7 * 20, "most citizens have 30 matches of 7 components: " + components);
    }

    /** Asserts the exact path against the exhaustive ranking; answers how many neighbouring scores tie. */
    private static int assertExact(Citizen c, int k) {
        MatchCriteria criteria = MatchingProbe.criteria(matching, c, weights);
        List<ExhaustiveRanking.Ranked> expected = ExhaustiveRanking.top(index, criteria,
                c.targetGroup().activityReady(), k);
        List<MatchingService.PostingMatch> actual = matching.matchesFor(c, k, weights);
        assertEquals(expected.stream().map(ExhaustiveRanking.Ranked::postingId).toList(),
                actual.stream().map(m -> m.posting().id()).toList(), "citizen " + c.id() + ", k " + k);
        int ties = 0;
        for (int i = 1; i < expected.size(); i++) {
            if (expected.get(i).score() == expected.get(i - 1).score()) {
                ties++;
            }
        }
        return ties;
    }

    private static Posting withId(Posting p, long id) throws ReflectiveOperationException {
        RecordComponent[] components = Posting.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getName().equals("id") ? Long.valueOf(id) : components[i].getAccessor().invoke(p);
        }
        return Posting.class.getDeclaredConstructor(types).newInstance(args);
    }
}
