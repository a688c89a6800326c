package dk.jobbro.search;

import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.SkillRarity;
import dk.jobbro.posting.PostingStatus;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Document frequencies of skills over the open postings, updated with every write to the index (the effective
 * skills {@link PostingFacts} carries: the posting's own, else its occupation's). Reads are lock-free; a reader
 * racing a write sees the counts before or after it, which only moves an IDF by one posting.
 */
final class SkillStatistics implements SkillRarity {

    private final Map<String, AtomicInteger> postingsWithSkill = new ConcurrentHashMap<>();
    private final AtomicInteger openPostings = new AtomicInteger();
    /** Counts every change, so that figures derived from the statistics (the citizen index's drift) are cached. */
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile Snapshot shared;

    /** Replaces what {@code before} contributed (null for a new posting) by what {@code after} does (null: deleted). */
    synchronized void replace(PostingFacts before, PostingFacts after) {
        count(before, -1);
        count(after, +1);
        version.incrementAndGet();
    }

    synchronized void clear() {
        postingsWithSkill.clear();
        openPostings.set(0);
        version.incrementAndGet();
    }

    long version() {
        return version.get();
    }

    /** The document frequency of every skill on an open posting, as of now (a copy). */
    synchronized Map<String, Integer> documentFrequencies() {
        Map<String, Integer> out = new java.util.HashMap<>();
        postingsWithSkill.forEach((skill, df) -> out.put(skill, df.get()));
        return out;
    }

    private void count(PostingFacts p, int delta) {
        if (p == null || p.status() != PostingStatus.OPEN) {
            return;
        }
        openPostings.addAndGet(delta);
        Set<String> skills = new HashSet<>(p.requiredSkills());
        skills.addAll(p.desiredSkills());
        skills.addAll(p.occupationSkills());
        for (String s : skills) {
            int now = postingsWithSkill.computeIfAbsent(s, k -> new AtomicInteger()).addAndGet(delta);
            if (now <= 0) {
                postingsWithSkill.remove(s);
            }
        }
    }

    @Override
    public double idf(String skill) {
        AtomicInteger df = postingsWithSkill.get(skill);
        return SkillRarity.idf(openPostings.get(), df == null ? 0 : df.get());
    }

    /**
     * A view for one search: the number of open postings as of now, and each skill's IDF fixed the first time the
     * search reads it, so every step of the search (the scan, the final scoring, the explanation) sees the same
     * numbers while postings are written. Thread-safe; cheap to make. Searches while no posting changes share one
     * view, so a skill's IDF is computed once for all of them (the nightly run: 300,000 searches, no writes)
     * instead of once a search.
     */
    SkillRarity snapshot() {
        long at = version.get();
        Snapshot shared = this.shared;
        if (shared != null && shared.version() == at) {
            return shared.rarity();
        }
        SkillRarity rarity = new View(openPostings.get());
        this.shared = new Snapshot(at, rarity);
        return rarity;
    }

    /**
     * Each skill's IDF fixed at the first read, by code; and by id as well, in an array any search of the view reads
     * without hashing the code (the first reads of a search were 12 % of the nightly run's matching at 300,000).
     */
    private final class View implements SkillRarity {

        private final int open;
        private final Map<String, Double> read = new ConcurrentHashMap<>();
        /** IDF bits by skill id, 0 for not read yet; replaced by a longer copy when an id is past its end. */
        private volatile AtomicLongArray byId = new AtomicLongArray(256);

        View(int open) {
            this.open = open;
        }

        @Override
        public double idf(String skill) {
            return read.computeIfAbsent(skill, s -> {
                AtomicInteger df = postingsWithSkill.get(s);
                return SkillRarity.idf(open, df == null ? 0 : df.get());
            });
        }

        @Override
        public double idf(int id, String skill) {
            AtomicLongArray ids = byId;
            if (id < ids.length()) {
                long bits = ids.get(id);
                if (bits != 0) {
                    return Double.longBitsToDouble(bits);
                }
            }
            double x = idf(skill);
            remember(id, x);
            return x;
        }

        /** The value is the one {@link #read} holds for the code, so racing writers write the same bits. */
        private void remember(int id, double x) {
            AtomicLongArray ids = byId;
            if (id >= ids.length()) {
                synchronized (this) {
                    ids = byId;
                    if (id >= ids.length()) {
                        AtomicLongArray longer = new AtomicLongArray(Math.max(id + 1, ids.length() * 2));
                        for (int i = 0; i < ids.length(); i++) {
                            longer.set(i, ids.get(i));
                        }
                        byId = longer;
                        ids = longer;
                    }
                }
            }
            ids.set(id, Double.doubleToRawLongBits(x));
        }
    }

    /** The view shared by searches at one version of the statistics. */
    private record Snapshot(long version, SkillRarity rarity) {
    }

    int openPostings() {
        return openPostings.get();
    }
}
