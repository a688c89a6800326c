package dk.jobbro.rematch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

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

    /** Each candidate's rank in its citizen's list (0: not kept), in the order given, and the spreads. */
    record Ranks(int[] ranks, int kept, int heldBack, Spread perPosting, Spread perEmployer) {
    }

    static Allocation allocate(List<Candidate> candidates, int topN, int cap) {
        int n = candidates.size();
        long[] citizens = new long[n];
        long[] postings = new long[n];
        long[] employers = new long[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            citizens[i] = c.citizenId();
            postings[i] = c.postingId();
            employers[i] = c.employerId();
            scores[i] = c.score();
        }
        int[] order = bestFirst(citizens, postings, scores);
        Ranks ranks = rank(order, citizens, postings, employers, topN, cap);
        List<Kept> kept = new ArrayList<>(ranks.kept());
        for (int i : order) {
            if (ranks.ranks()[i] > 0) {
                kept.add(new Kept(candidates.get(i), ranks.ranks()[i]));
            }
        }
        return new Allocation(kept, ranks.heldBack(), ranks.perPosting(), ranks.perEmployer());
    }

    /**
     * The same allocation over parallel arrays (the i-th of each is one candidate): at national scale nine million
     * candidates, which as objects would not fit the heap the run is given next to the index.
     */
    static Ranks rank(long[] citizens, long[] postings, long[] employers, double[] scores, int topN, int cap) {
        return rank(bestFirst(citizens, postings, scores), citizens, postings, employers, topN, cap);
    }

    private static Ranks rank(int[] order, long[] citizens, long[] postings, long[] employers, int topN, int cap) {
        int[] ranks = new int[order.length];
        Map<Long, Integer> perCitizen = new HashMap<>();
        Map<Long, Integer> perPosting = new HashMap<>();
        Map<Long, Integer> perEmployer = new HashMap<>();
        int kept = 0;
        int heldBack = 0;
        for (int i : order) {
            int citizenHas = perCitizen.getOrDefault(citizens[i], 0);
            if (citizenHas >= topN) {
                continue; // a spare the citizen does not need
            }
            if (perPosting.getOrDefault(postings[i], 0) >= cap) {
                heldBack++;
                continue;
            }
            perCitizen.put(citizens[i], citizenHas + 1);
            perPosting.merge(postings[i], 1, Integer::sum);
            perEmployer.merge(employers[i], 1, Integer::sum);
            ranks[i] = citizenHas + 1;
            kept++;
        }
        return new Ranks(ranks, kept, heldBack, Spread.of(perPosting), Spread.of(perEmployer));
    }

    /** Below this many candidates a part is sorted on the thread that has it; above, its halves on two threads. */
    static final int SORTED_ON_ONE_THREAD = 1 << 16;

    /**
     * Candidate positions in {@link #BEST_FIRST} order: a merge sort of plain ints, no object per candidate, its
     * halves sorted in parallel (fork/join) down to {@code perTask} candidates; the nine million candidates of a
     * national run took 13.5 to 18 s on one thread while the other core waited (docs/measurements.md, round five).
     */
    static int[] bestFirst(long[] citizens, long[] postings, double[] scores, int perTask) {
        int n = citizens.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Sorting sorting = new Sorting(order, new int[n], Math.max(1, perTask), citizens, postings, scores);
        ForkJoinPool.commonPool().invoke(new Sort(sorting, 0, n));
        return order;
    }

    private static int[] bestFirst(long[] citizens, long[] postings, double[] scores) {
        return bestFirst(citizens, postings, scores, SORTED_ON_ONE_THREAD);
    }

    /** One sort's arrays; {@code buffer} is scratch space as long as {@code order}. */
    private record Sorting(int[] order, int[] buffer, int perTask, long[] citizens, long[] postings,
                           double[] scores) {

        /** Merges the sorted runs {@code [from, mid)} and {@code [mid, to)}; on a tie the left one first. */
        void merge(int from, int mid, int to) {
            int i = from;
            int j = mid;
            int k = from;
            while (i < mid && j < to) {
                buffer[k++] = before(order[j], order[i], citizens, postings, scores) ? order[j++] : order[i++];
            }
            while (i < mid) {
                buffer[k++] = order[i++];
            }
            while (j < to) {
                buffer[k++] = order[j++];
            }
            System.arraycopy(buffer, from, order, from, to - from);
        }
    }

    /** Sorts {@code order[low, high)}: bottom-up on this thread up to {@code perTask}, else its halves in parallel. */
    private static final class Sort extends RecursiveAction {
        private final Sorting sorting;
        private final int low;
        private final int high;

        Sort(Sorting sorting, int low, int high) {
            this.sorting = sorting;
            this.low = low;
            this.high = high;
        }

        @Override
        protected void compute() {
            if (high - low <= sorting.perTask()) {
                for (int width = 1; width < high - low; width *= 2) {
                    for (int from = low; from < high - width; from += 2 * width) {
                        sorting.merge(from, from + width, Math.min(from + 2 * width, high));
                    }
                }
                return;
            }
            int mid = (low + high) >>> 1;
            invokeAll(new Sort(sorting, low, mid), new Sort(sorting, mid, high));
            sorting.merge(low, mid, high);
        }
    }

    private static boolean before(int a, int b, long[] citizens, long[] postings, double[] scores) {
        int byScore = Double.compare(scores[b], scores[a]);
        if (byScore != 0) {
            return byScore < 0;
        }
        if (citizens[a] != citizens[b]) {
            return citizens[a] < citizens[b];
        }
        return postings[a] < postings[b];
    }
}
