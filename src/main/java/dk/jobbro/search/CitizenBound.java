package dk.jobbro.search;

import dk.jobbro.matching.CodeIds;
import dk.jobbro.matching.MatchScorer;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.matching.SkillRarity;

import java.util.Arrays;
import java.util.List;

/**
 * The reverse search's bound of {@code MatchScorer.score} for one posting, computed per citizen from the ids the
 * citizen index keeps in memory ({@link CitizenIndex.SegmentCitizens}), beside the Lucene query that filters and
 * scores the distance ({@link CitizenQueries#bound}):
 *
 * <ul>
 *   <li>skills exactly: the skills weight times the cosine of the IDF-weighted skill sets (required skills, desired
 *   ones not also required at their share, the occupation's unnamed essential ones at theirs), with the IDF the exact
 *   scores use; only the order of the sums differs, which {@link CitizenQueries#MARGIN} covers;</li>
 *   <li>occupation and experience exactly: the best relation of the citizen's wanted (held) codes to the posting's;</li>
 *   <li>hours above the part every citizen gets ({@link CitizenQueries#constant}) when the citizen's hours fit;</li>
 *   <li>support: the activity-ready extra for activity-ready citizens when the posting offers support (support needs
 *   are never indexed, so every citizen is counted at the full weight, in the constant);</li>
 *   <li>text at its weight for a citizen who wants an occupation.</li>
 * </ul>
 *
 * One per search; not thread-safe.
 */
final class CitizenBound {

    static final int MISSING = 1;
    static final int ACTIVITY_READY = 2;
    static final int HAS_TEXT = 4;

    private final CodeIds ids;
    private final SkillRarity rarity;
    private final PostingFacts posting;
    private final ScoringWeights weights;
    /** By skill id: what a citizen holding the skill adds to the dot product (share x idf^2, summed over lists). */
    private final double[] dot;
    /** The skills weight over the posting's vector length: the cosine's posting half. */
    private final double skillScale;
    /** By occupation id, filled on first use (NaN until then): the points of wanting (holding) that occupation. */
    private double[] wanted;
    private double[] held;
    private final double hoursFit;
    private final double activityReadyExtra;

    private CitizenBound(CodeIds ids, SkillRarity rarity, PostingFacts posting, ScoringWeights w, double[] dot,
                         double skillScale) {
        this.ids = ids;
        this.rarity = rarity;
        this.posting = posting;
        this.weights = w;
        this.dot = dot;
        this.skillScale = skillScale;
        this.wanted = nans(ids.occupationCount());
        this.held = nans(ids.occupationCount());
        this.hoursFit = CitizenQueries.hoursFiltered(posting) ? 0 : w.hours() * (1 - w.hoursGradualStart());
        this.activityReadyExtra = posting.supportOffered().isEmpty() ? 0
                : Math.max(0, w.support() * (w.activityReadySupportMultiplier() - 1));
    }

    static CitizenBound of(PostingFacts p, ScoringWeights w, SkillRarity rarity, CodeIds ids) {
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
        return new CitizenBound(ids, rarity, p, w, dot, scale);
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

    /** The segment's skill norms under this search's IDF view, for {@link #of(CitizenIndex.SegmentCitizens, double[], int)}. */
    double[] norms(CitizenIndex.SegmentCitizens c) {
        return c.norms().of(rarity);
    }

    /**
     * The bound of doc {@code doc} of a segment, but for the distance (the query's) and the constant; {@code norms}
     * from {@link #norms}.
     */
    double of(CitizenIndex.SegmentCitizens c, double[] norms, int doc) {
        return skillPoints(c.skills(), c.skillsFrom()[doc], c.skillsFrom()[doc + 1], norms, doc)
                + occupationPoints(c.occupations(), c.occupationsFrom()[doc], c.heldFrom()[doc],
                c.occupationsFrom()[doc + 1])
                + rest(c.maxHours()[doc], c.flags()[doc]);
    }

    /** The same for a citizen's own ids (one the segment was read without). */
    double of(CitizenIndex.Ids c) {
        return skillPoints(c.skills(), 0, c.skills().length)
                + occupationPoints(c.occupations(), 0, c.wantedCount(), c.occupations().length)
                + rest(c.maxHours(), c.flags());
    }

    /** For a citizen whose ids are gone (erased during the walk; skipped when popped): every part at its maximum. */
    double unknown() {
        ScoringWeights w = weights;
        return w.skills() + w.occupation() + w.experience() * Math.max(w.experienceSameOccupation(), 1.0)
                + hoursFit + activityReadyExtra + w.text();
    }

    private double rest(int maxHours, int flags) {
        double points = maxHours >= posting.hoursMin() ? hoursFit : 0;
        if ((flags & ACTIVITY_READY) != 0) {
            points += activityReadyExtra;
        }
        if ((flags & HAS_TEXT) != 0) {
            points += weights.text();
        }
        return points;
    }

    /** The skill points of the citizen whose skill ids are {@code skills[from]} to {@code skills[to - 1]}. */
    double skillPoints(int[] skills, int from, int to) {
        return skillPoints(skills, from, to, null, -1);
    }

    /** The same, the citizen's norm read from (or first written to) {@code norms[doc]} when norms are given. */
    private double skillPoints(int[] skills, int from, int to, double[] norms, int doc) {
        if (skillScale == 0) {
            return 0;
        }
        double shared = 0;
        for (int i = from; i < to; i++) {
            int s = skills[i];
            if (s < dot.length) {
                shared += dot[s];
            }
        }
        if (shared == 0) {
            return 0;
        }
        double length = norms == null ? Double.NaN : CitizenIndex.SkillNorms.get(norms, doc);
        if (Double.isNaN(length)) {
            double norm = 0;
            for (int i = from; i < to; i++) {
                int s = skills[i];
                double x = rarity.idf(s, ids.skillCode(s));
                norm += x * x;
            }
            length = Math.sqrt(norm);
            if (norms != null) {
                CitizenIndex.SkillNorms.put(norms, doc, length);
            }
        }
        return skillScale * shared / length;
    }

    /** Occupation points for the wanted ids {@code [from, heldFrom)} and experience for the held ones after them. */
    private double occupationPoints(int[] occupations, int from, int heldFrom, int to) {
        double best = 0;
        for (int i = from; i < heldFrom; i++) {
            best = Math.max(best, wanted(occupations[i]));
        }
        double experience = 0;
        for (int i = heldFrom; i < to; i++) {
            experience = Math.max(experience, held(occupations[i]));
        }
        return best + experience;
    }

    private double wanted(int occupation) {
        if (occupation >= wanted.length) {
            wanted = grow(wanted, occupation);
        }
        ScoringWeights w = weights;
        return relation(wanted, occupation, w.occupation(), 1.0, w.occupationSameUnitGroup(),
                w.occupationSameMinorGroup());
    }

    private double held(int occupation) {
        if (occupation >= held.length) {
            held = grow(held, occupation);
        }
        ScoringWeights w = weights;
        return relation(held, occupation, w.experience(), w.experienceSameOccupation(), w.experienceSameUnitGroup(),
                w.experienceSameMinorGroup());
    }

    /** The memoised points of an occupation's relation to the posting's, at {@code weight}. */
    private double relation(double[] memo, int occupation, double weight, double same, double unit, double minor) {
        double x = memo[occupation];
        if (Double.isNaN(x)) {
            String code = posting.occupationCode();
            x = code == null ? 0
                    : weight * MatchScorer.sameness(ids.occupationCode(occupation), code, same, unit, minor);
            memo[occupation] = x;
        }
        return x;
    }

    private static double[] nans(int n) {
        double[] out = new double[Math.max(n, 1)];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static double[] grow(double[] values, int index) {
        double[] out = Arrays.copyOf(values, Math.max(index + 1, values.length * 2));
        Arrays.fill(out, values.length, out.length, Double.NaN);
        return out;
    }
}
