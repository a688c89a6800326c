package dk.jobbro.search;

import dk.jobbro.matching.CodeIds;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.matching.SkillRarity;

import java.util.Arrays;
import java.util.List;

/**
 * One posting's skill vector over {@link CodeIds}, for the reverse search: the skill points {@code MatchScorer.score}
 * gives a citizen (the skills weight times the cosine of the IDF-weighted skill sets: required skills, desired ones
 * not also required at their share, the occupation's unnamed essential ones at theirs), computed from the citizen's
 * skill ids in a few array reads. Same formula and the same IDF as the exact score; only the order of the sums
 * differs, which the bound's margin covers. One per search; not thread-safe.
 */
final class PostingSkillWeights {

    private final CodeIds ids;
    private final SkillRarity rarity;
    /** By skill id: what a citizen holding the skill adds to the dot product (share x idf^2, summed over lists). */
    private final double[] dot;
    /** By skill id, filled on first use (NaN until then): the citizen half of the cosine. */
    private double[] idf;
    /** The skills weight over the posting's vector length: the cosine's posting half. */
    private final double scale;

    private PostingSkillWeights(CodeIds ids, SkillRarity rarity, double[] dot, double scale) {
        this.ids = ids;
        this.rarity = rarity;
        this.dot = dot;
        this.scale = scale;
        this.idf = new double[ids.skillCount()];
        Arrays.fill(idf, Double.NaN);
    }

    static PostingSkillWeights of(PostingFacts p, ScoringWeights w, SkillRarity rarity, CodeIds ids) {
        List<String> desiredOnly = p.desiredSkills().stream().filter(s -> !p.requiredSkills().contains(s)).toList();
        int size = 0;
        for (List<String> list : List.of(p.requiredSkills(), desiredOnly, p.occupationSkills())) {
            for (String code : list) {
                size = Math.max(size, ids.skill(code) + 1);
            }
        }
        double[] dot = new double[size];
        double norm = add(dot, p.requiredSkills(), 1.0, rarity, ids)
                + add(dot, desiredOnly, w.skillDesiredShare(), rarity, ids)
                + add(dot, p.occupationSkills(), w.skillOccupationShare(), rarity, ids);
        double scale = norm == 0 ? 0 : w.skills() / Math.sqrt(norm);
        return new PostingSkillWeights(ids, rarity, dot, scale);
    }

    /** Adds one list's dot weights; returns its part of the posting's squared length. */
    private static double add(double[] dot, List<String> codes, double share, SkillRarity rarity, CodeIds ids) {
        double norm = 0;
        for (String code : codes) {
            double idf = rarity.idf(code);
            norm += share * idf * share * idf;
            dot[ids.skill(code)] += share * idf * idf;
        }
        return norm;
    }

    /** The skill points of a citizen with these skill ids (distinct): 0 when they share none with the posting. */
    double points(int[] citizenSkills) {
        if (scale == 0) {
            return 0;
        }
        double shared = 0;
        for (int s : citizenSkills) {
            if (s < dot.length) {
                shared += dot[s];
            }
        }
        if (shared == 0) {
            return 0;
        }
        double norm = 0;
        for (int s : citizenSkills) {
            double x = idf(s);
            norm += x * x;
        }
        return scale * shared / Math.sqrt(norm);
    }

    private double idf(int skill) {
        if (skill >= idf.length) {
            int old = idf.length;
            idf = Arrays.copyOf(idf, Math.max(skill + 1, old * 2));
            Arrays.fill(idf, old, idf.length, Double.NaN);
        }
        double x = idf[skill];
        if (Double.isNaN(x)) {
            x = rarity.idf(ids.skillCode(skill));
            idf[skill] = x;
        }
        return x;
    }
}
