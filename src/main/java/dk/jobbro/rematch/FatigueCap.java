package dk.jobbro.rematch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Employer fatigue: no posting is proposed to more than {@code cap} citizens in one run. All candidate pairs of the
 * run are taken best score first (ties: lower citizen id, then lower posting id); a pair is kept while its citizen
 * has fewer than {@code topN} and its posting fewer than {@code cap}. So the best-scored citizens of a posting keep
 * it and the others move on to their next posting. Plain Java; deterministic for the same candidates.
 */
final class FatigueCap {

    private FatigueCap() {
    }

    /** One candidate pair as the chunks stored it. */
    record Candidate(long citizenId, long postingId, long employerId, double score) {
    }

    /** A kept pair with its rank (1 = best) in the citizen's list. */
    record Kept(Candidate candidate, int rank) {
    }

    /** What the cap kept and held back, and the spread of proposals per posting and per employer. */
    record Allocation(List<Kept> kept, int heldBack, Spread perPosting, Spread perEmployer) {
    }

    /** Maximum and 95th percentile (nearest rank) of proposals over postings or employers with at least one. */
    record Spread(int max, int p95) {
        static Spread of(Map<Long, Integer> counts) {
            if (counts.isEmpty()) {
                return new Spread(0, 0);
            }
            int[] sorted = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            int rank = (int) Math.ceil(0.95 * sorted.length);
            return new Spread(sorted[sorted.length - 1], sorted[Math.max(0, rank - 1)]);
        }
    }

    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score).reversed()
            .thenComparingLong(Candidate::citizenId).thenComparingLong(Candidate::postingId);

    static Allocation allocate(List<Candidate> candidates, int topN, int cap) {
        Candidate[] ordered = candidates.toArray(Candidate[]::new);
        Arrays.sort(ordered, BEST_FIRST);
        Map<Long, Integer> perCitizen = new HashMap<>();
        Map<Long, Integer> perPosting = new HashMap<>();
        Map<Long, Integer> perEmployer = new HashMap<>();
        List<Kept> kept = new ArrayList<>();
        int heldBack = 0;
        for (Candidate c : ordered) {
            int citizenHas = perCitizen.getOrDefault(c.citizenId(), 0);
            if (citizenHas >= topN) {
                continue; // a spare the citizen does not need
            }
            if (perPosting.getOrDefault(c.postingId(), 0) >= cap) {
                heldBack++;
                continue;
            }
            perCitizen.put(c.citizenId(), citizenHas + 1);
            perPosting.merge(c.postingId(), 1, Integer::sum);
            perEmployer.merge(c.employerId(), 1, Integer::sum);
            kept.add(new Kept(c, citizenHas + 1));
        }
        return new Allocation(kept, heldBack, Spread.of(perPosting), Spread.of(perEmployer));
    }
}
