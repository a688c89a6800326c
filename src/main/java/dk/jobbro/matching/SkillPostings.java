package dk.jobbro.matching;

/**
 * The postings of one index segment by skill: for each skill id ({@link CodeIds}), a bit set of the docs whose
 * {@link PostingVector} lists it. From it, the docs sharing any skill with a citizen come as a bit set, so the scan
 * tests one bit per eligible posting instead of walking the posting's skills (that walk, for ~14,000 postings a
 * citizen, was a fifth of the nightly run's matching: docs/measurements.md), and which of the citizen's skills a doc
 * lists is a few bit tests, not a read of its vector ({@link #sumListed}). Immutable; maxDoc / 8 bytes per skill
 * listed in the segment (about 3 MB for 100,000 postings and 250 skills).
 */
public final class SkillPostings {

    private static final long[] NONE = new long[0];

    private final long[][] docsBySkill;
    private final int words;

    private SkillPostings(long[][] docsBySkill, int words) {
        this.docsBySkill = docsBySkill;
        this.words = words;
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
        int words = (byDoc.length >> 6) + 1;
        long[][] docs = new long[skills][];
        for (int doc = 0; doc < byDoc.length; doc++) {
            PostingVector v = byDoc[doc];
            if (v != null) {
                for (int s : v.skills) {
                    if (docs[s] == null) {
                        docs[s] = new long[words];
                    }
                    docs[s][doc >> 6] |= 1L << doc;
                }
            }
        }
        for (int s = 0; s < skills; s++) {
            if (docs[s] == null) {
                docs[s] = NONE;
            }
        }
        return new SkillPostings(docs, words);
    }

    /** Bit {@code doc} set for every doc whose vector lists at least one of {@code skillIds}. */
    long[] docsListingAnyOf(int[] skillIds) {
        long[] bits = new long[words];
        for (int s : skillIds) {
            long[] listing = s < docsBySkill.length ? docsBySkill[s] : NONE;
            for (int i = 0; i < listing.length; i++) {
                bits[i] |= listing[i];
            }
        }
        return bits;
    }

    /** The sum of {@code values[i]} over the skills {@code skillIds[i]} that {@code doc}'s vector lists. */
    double sumListed(int doc, int[] skillIds, double[] values) {
        double sum = 0;
        for (int i = 0; i < skillIds.length; i++) {
            int s = skillIds[i];
            if (s < docsBySkill.length) {
                long[] listing = docsBySkill[s];
                if (listing.length > 0 && (listing[doc >> 6] & (1L << doc)) != 0) {
                    sum += values[i];
                }
            }
        }
        return sum;
    }
}
