package dk.jobbro.matching;

import dk.jobbro.vocabulary.SupportKind;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A posting's facts with its skills and occupation as {@link CodeIds}: what {@link ExactTopK} reads for every
 * eligible posting. The skills are the posting's required list, then the desired ones not also required, then its
 * occupation's unnamed essential ones, in the order {@link MatchScorer#skillValue} sums them, so both compute the
 * same double. The hours and the support the
 * posting offers are copied in as plain ints, so that the cheap first bound reads this one object and not the
 * facts and their sets (the scan offers ~14,000 postings a citizen; following those pointers was a sixth of the
 * nightly run's matching, docs/measurements.md). Immutable but for {@link #skillNorm}, a memo; about 8 bytes a
 * skill and 72 a posting more than the facts.
 */
public final class PostingVector {

    private final PostingFacts facts;
    final int occupation;
    final int[] skills;
    final String[] skillCodes;
    final int requiredCount;
    /** Index of the first of the occupation's skills (after required and desired). */
    final int desiredEnd;
    final int hoursMin;
    /** The posting's location and the cosine of its latitude, for a cheap bound on the distance from home. */
    final double latitude;
    final double longitude;
    final double cosLatitude;
    /** Bit {@code k.ordinal()} set for each {@link SupportKind} k the posting offers. */
    final int supportOffered;
    /** No skill listed twice: then the skill value is a true cosine, at most 1, and can bound the score. */
    final boolean distinctSkills;
    /**
     * The posting's skill norm as {@link ExactTopK} last computed it, with the IDF view and shares it is for. Written
     * by any search without a lock: an immutable record (final fields), so a racing reader sees a whole one or an
     * older one, and one for another view is computed again.
     */
    SkillNorm skillNorm;

    /**
     * The fields the scan's first bounds read, of every document of a segment, in plain arrays by doc id: the scan
     * walks a segment's eligible documents in doc order, so these are read in order, and a posting the bounds drop
     * is never read as an object. Copies of the vectors' own numbers (0 for a doc without a vector).
     */
    public static final class Columns {

        final int[] occupation;
        final int[] hoursMin;
        final int[] supportOffered;
        final long[] distinctSkills;
        final double[] latitude;
        final double[] longitude;
        final double[] cosLatitude;
        /**
         * Bit {@code doc} set for each doc without a vector (deleted when the columns were made, though an older
         * searcher may still see it): its skills and occupation are not in the segment's postings lists.
         */
        final long[] withoutVector;
        /** For each {@link SupportKind} by ordinal, bit {@code doc} set for each doc that offers it. */
        final long[][] offering;

        private Columns(int n) {
            occupation = new int[n];
            hoursMin = new int[n];
            supportOffered = new int[n];
            distinctSkills = new long[(n >> 6) + 1];
            latitude = new double[n];
            longitude = new double[n];
            cosLatitude = new double[n];
            withoutVector = new long[(n >> 6) + 1];
            offering = new long[SupportKind.values().length][(n >> 6) + 1];
        }

        /** The columns of a segment's vectors by doc id (null for a deleted document). */
        public static Columns of(PostingVector[] byDoc) {
            Columns c = new Columns(byDoc.length);
            for (int doc = 0; doc < byDoc.length; doc++) {
                PostingVector v = byDoc[doc];
                if (v != null) {
                    c.occupation[doc] = v.occupation;
                    c.hoursMin[doc] = v.hoursMin;
                    c.supportOffered[doc] = v.supportOffered;
                    if (v.distinctSkills) {
                        c.distinctSkills[doc >> 6] |= 1L << doc;
                    }
                    c.latitude[doc] = v.latitude;
                    c.longitude[doc] = v.longitude;
                    c.cosLatitude[doc] = v.cosLatitude;
                    for (int kind = 0; kind < c.offering.length; kind++) {
                        if ((v.supportOffered & (1 << kind)) != 0) {
                            c.offering[kind][doc >> 6] |= 1L << doc;
                        }
                    }
                } else {
                    c.withoutVector[doc >> 6] |= 1L << doc;
                }
            }
            return c;
        }
    }

    /** A posting's sum of (share x IDF)² over its skills under one IDF view and one pair of shares. */
    record SkillNorm(SkillRarity rarity, double desiredShare, double occupationShare, double value) {
    }

    private PostingVector(PostingFacts facts, int occupation, int[] skills, String[] skillCodes, int requiredCount,
                          int desiredEnd, boolean distinctSkills) {
        this.facts = facts;
        this.occupation = occupation;
        this.skills = skills;
        this.skillCodes = skillCodes;
        this.requiredCount = requiredCount;
        this.desiredEnd = desiredEnd;
        this.distinctSkills = distinctSkills;
        this.hoursMin = facts.hoursMin();
        this.latitude = facts.location().latitude();
        this.longitude = facts.location().longitude();
        this.cosLatitude = Math.cos(Math.toRadians(latitude));
        this.supportOffered = supportBits(facts.supportOffered());
    }

    /** A set of support kinds as bits by ordinal (seven kinds: an int holds them). */
    static int supportBits(Set<SupportKind> kinds) {
        int bits = 0;
        for (SupportKind k : kinds) {
            bits |= 1 << k.ordinal();
        }
        return bits;
    }

    public static PostingVector of(PostingFacts facts, CodeIds ids) {
        List<String> required = facts.requiredSkills();
        List<String> desiredOnly = facts.desiredSkills().stream().filter(s -> !required.contains(s)).toList();
        List<String> typical = facts.occupationSkills();
        int desiredEnd = required.size() + desiredOnly.size();
        int n = desiredEnd + typical.size();
        String[] codes = new String[n];
        int[] skillIds = new int[n];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            codes[i] = i < required.size() ? required.get(i)
                    : i < desiredEnd ? desiredOnly.get(i - required.size()) : typical.get(i - desiredEnd);
            skillIds[i] = ids.skill(codes[i]);
            seen.add(codes[i]);
        }
        return new PostingVector(facts, ids.occupation(facts.occupationCode()), skillIds, codes, required.size(),
                desiredEnd, seen.size() == n);
    }

    public PostingFacts facts() {
        return facts;
    }
}
