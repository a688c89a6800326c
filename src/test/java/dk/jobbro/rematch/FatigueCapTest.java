package dk.jobbro.rematch;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The employer fatigue cap as a plain rule: the best citizens of a posting keep it, the others move on. */
class FatigueCapTest {

    private static FatigueCap.Candidate c(long citizen, long posting, double score) {
        return new FatigueCap.Candidate(citizen, posting, 100 + posting, score);
    }

    private static Map<Long, List<Long>> lists(FatigueCap.Allocation a) {
        return a.kept().stream().collect(Collectors.groupingBy(k -> k.candidate().citizenId(),
                Collectors.mapping(k -> k.candidate().postingId(), Collectors.toList())));
    }

    @Test
    void aPostingEveryoneWantsGoesToItsBestScoredCitizensAndTheOthersGetTheirNextPosting() {
        // Posting 1 is everyone's best; cap 2: citizens 1 and 2 (best for it) keep it, citizen 3 moves on to 2 and 3;
        // posting 2 is then full with citizens 3 and 1 (0.6, 0.5), so citizen 2 keeps only posting 1.
        FatigueCap.Allocation a = FatigueCap.allocate(List.of(
                c(3, 1, 0.7), c(1, 1, 0.9), c(2, 1, 0.8),
                c(1, 2, 0.5), c(2, 2, 0.5), c(3, 2, 0.6),
                c(3, 3, 0.4)), 2, 2);

        assertEquals(Map.of(1L, List.of(1L, 2L), 2L, List.of(1L), 3L, List.of(2L, 3L)), lists(a));
        assertEquals(2, a.heldBack(), "citizen 3 from posting 1, citizen 2 from posting 2");
        assertEquals(2, a.perPosting().max());
    }

    @Test
    void ranksFollowTheScoreWithinACitizensListAndTiesGoToTheLowerIds() {
        FatigueCap.Allocation a = FatigueCap.allocate(List.of(c(1, 5, 0.5), c(1, 4, 0.5), c(1, 6, 0.9),
                c(2, 6, 0.9)), 3, 1);

        assertEquals(List.of(6L, 4L, 5L), lists(a).get(1L), "0.9 first, then the tie by posting id");
        assertEquals(List.of(1, 2, 3), a.kept().stream().filter(k -> k.candidate().citizenId() == 1)
                .map(FatigueCap.Kept::rank).toList());
        assertEquals(null, lists(a).get(2L), "the tie on posting 6 goes to citizen 1, and the cap is 1");
    }

    @Test
    void theSpreadIsTheMaximumAndTheNearestRank95thPercentile() {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        for (long i = 1; i <= 100; i++) {
            counts.put(i, (int) i);
        }
        assertEquals(new FatigueCap.Spread(100, 95), FatigueCap.Spread.of(counts));
        assertEquals(new FatigueCap.Spread(0, 0), FatigueCap.Spread.of(Map.of()));
    }

    @Test
    void theAllocationOverPlainArraysKeepsWhatTheRuleOverSortedPairsKeeps() {
        // The rule written the plain way: every pair sorted best first, then taken greedily. Scores on a coarse grid,
        // so that many pairs tie and the tie order (citizen id, then posting id) is exercised.
        java.util.Random random = new java.util.Random(7);
        List<FatigueCap.Candidate> pairs = new java.util.ArrayList<>();
        for (long citizen = 1; citizen <= 300; citizen++) {
            java.util.Set<Long> postings = new java.util.HashSet<>();
            while (postings.size() < 8) {
                postings.add(1L + random.nextInt(60));
            }
            for (long posting : postings) {
                pairs.add(new FatigueCap.Candidate(citizen, posting, posting % 7, random.nextInt(20) / 20.0));
            }
        }
        java.util.Collections.shuffle(pairs, random);
        List<FatigueCap.Candidate> sorted = pairs.stream().sorted(FatigueCap.BEST_FIRST).toList();
        Map<Long, Integer> perCitizen = new java.util.HashMap<>();
        Map<Long, Integer> perPosting = new java.util.HashMap<>();
        Map<FatigueCap.Candidate, Integer> expected = new java.util.HashMap<>();
        for (FatigueCap.Candidate c : sorted) {
            int has = perCitizen.getOrDefault(c.citizenId(), 0);
            if (has < 5 && perPosting.getOrDefault(c.postingId(), 0) < 4) {
                perCitizen.put(c.citizenId(), has + 1);
                perPosting.merge(c.postingId(), 1, Integer::sum);
                expected.put(c, has + 1);
            }
        }

        long[] citizens = pairs.stream().mapToLong(FatigueCap.Candidate::citizenId).toArray();
        long[] postings = pairs.stream().mapToLong(FatigueCap.Candidate::postingId).toArray();
        long[] employers = pairs.stream().mapToLong(FatigueCap.Candidate::employerId).toArray();
        double[] scores = pairs.stream().mapToDouble(FatigueCap.Candidate::score).toArray();
        FatigueCap.Ranks ranks = FatigueCap.rank(citizens, postings, employers, scores, 5, 4);

        Map<FatigueCap.Candidate, Integer> actual = new java.util.HashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            if (ranks.ranks()[i] > 0) {
                actual.put(pairs.get(i), ranks.ranks()[i]);
            }
        }
        assertEquals(expected, actual);
        assertEquals(expected.size(), ranks.kept());
        assertEquals(4, ranks.perPosting().max());

        // The order itself, sorted on one thread and in parallel parts as small as 7 (uneven, so runs of every
        // length meet), is the plain sort's.
        List<FatigueCap.Candidate> byOrder = new java.util.ArrayList<>();
        for (int perTask : new int[]{pairs.size(), 7}) {
            byOrder.clear();
            for (int i : FatigueCap.bestFirst(citizens, postings, scores, perTask)) {
                byOrder.add(pairs.get(i));
            }
            assertEquals(sorted, byOrder, "parts of " + perTask);
        }
    }
}
