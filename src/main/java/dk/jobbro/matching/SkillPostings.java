package dk.jobbro.matching;

/**
 * The postings of one index segment by skill: for each skill id ({@link CodeIds}), the doc ids whose
 * {@link PostingVector} lists it. From it, the docs sharing any skill with a citizen come as a bit set, so the scan
 * tests one bit per eligible posting instead of walking the posting's skills (that walk, for ~14,000 postings a
 * citizen, was a fifth of the nightly run's matching: docs/measurements.md). Immutable; 4 bytes per listed skill.
 */
public final class SkillPostings {

    private static final int[] NONE = new int[0];

    private final int[][] docsBySkill;
    private final int maxDoc;

    private SkillPostings(int[][] docsBySkill, int maxDoc) {
        this.docsBySkill = docsBySkill;
        this.maxDoc = maxDoc;
    }

    /** The skill postings of a segment's vectors by doc id (null entries: no vector, no skills). */
    public static SkillPostings of(PostingVector[] byDoc) {
        int skills = 0;
        for (PostingVector v : byDoc) {
            if (v != null) {
                for (int s : v.skills) {
                    skills = Math.max(skills, s + 1);
                }
            }
        }
        int[] counts = new int[skills];
        for (PostingVector v : byDoc) {
            if (v != null) {
                for (int s : v.skills) {
                    counts[s]++;
                }
            }
        }
        int[][] docs = new int[skills][];
        for (int s = 0; s < skills; s++) {
            docs[s] = counts[s] == 0 ? NONE : new int[counts[s]];
            counts[s] = 0;
        }
        for (int doc = 0; doc < byDoc.length; doc++) {
            PostingVector v = byDoc[doc];
            if (v != null) {
                for (int s : v.skills) {
                    int[] list = docs[s];
                    if (counts[s] == 0 || list[counts[s] - 1] != doc) { // a skill listed twice: the doc once
                        list[counts[s]++] = doc;
                    }
                }
            }
        }
        for (int s = 0; s < skills; s++) {
            if (counts[s] < docs[s].length) {
                docs[s] = java.util.Arrays.copyOf(docs[s], counts[s]);
            }
        }
        return new SkillPostings(docs, byDoc.length);
    }

    /** Bit {@code doc} set for every doc whose vector lists at least one of {@code skillIds}. */
    long[] docsListingAnyOf(int[] skillIds) {
        long[] bits = new long[(maxDoc >> 6) + 1];
        for (int s : skillIds) {
            if (s < docsBySkill.length) {
                for (int doc : docsBySkill[s]) {
                    bits[doc >> 6] |= 1L << doc;
                }
            }
        }
        return bits;
    }
}
