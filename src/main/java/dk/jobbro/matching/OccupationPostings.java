package dk.jobbro.matching;

import java.util.function.IntPredicate;

/**
 * The postings of one index segment by occupation: for each occupation id ({@link CodeIds}), the doc ids whose
 * {@link PostingVector} has it. From it, the docs of the occupations a citizen wants or has held (or of their ISCO
 * groups) come as a bit set, so that a scan can offer them before the others ({@link ExactTopK#docsToOfferFirst}).
 * Immutable; 4 bytes a document.
 */
public final class OccupationPostings {

    private final int[][] docsByOccupation;
    private final int maxDoc;

    private OccupationPostings(int[][] docsByOccupation, int maxDoc) {
        this.docsByOccupation = docsByOccupation;
        this.maxDoc = maxDoc;
    }

    /** The occupation postings of a segment's vectors by doc id (null entries: no vector, no occupation). */
    public static OccupationPostings of(PostingVector[] byDoc) {
        int occupations = 0;
        for (PostingVector v : byDoc) {
            if (v != null) {
                occupations = Math.max(occupations, v.occupation + 1);
            }
        }
        int[] counts = new int[occupations];
        for (PostingVector v : byDoc) {
            if (v != null) {
                counts[v.occupation]++;
            }
        }
        int[][] docs = new int[occupations][];
        for (int o = 0; o < occupations; o++) {
            docs[o] = new int[counts[o]];
            counts[o] = 0;
        }
        for (int doc = 0; doc < byDoc.length; doc++) {
            PostingVector v = byDoc[doc];
            if (v != null) {
                docs[v.occupation][counts[v.occupation]++] = doc;
            }
        }
        return new OccupationPostings(docs, byDoc.length);
    }

    /** Bit {@code doc} set for every doc whose occupation id passes {@code occupation}, asked once per id listed. */
    long[] docsWhere(IntPredicate occupation) {
        long[] bits = new long[(maxDoc >> 6) + 1];
        for (int o = 0; o < docsByOccupation.length; o++) {
            int[] docs = docsByOccupation[o];
            if (docs.length > 0 && occupation.test(o)) {
                for (int doc : docs) {
                    bits[doc >> 6] |= 1L << doc;
                }
            }
        }
        return bits;
    }
}
