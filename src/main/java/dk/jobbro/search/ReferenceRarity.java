package dk.jobbro.search;

import dk.jobbro.matching.SkillRarity;

import java.util.HashMap;
import java.util.Map;

/**
 * The skill IDF the citizen index normalised its citizens' skill vectors with: a snapshot of the posting index's
 * {@link SkillStatistics} taken when the citizen index was built, saved in its commit. Live IDF moves as postings
 * change; {@link #drift} bounds by how much a citizen's norm can have shrunk since, so the index's skill bound stays
 * an upper bound without re-indexing every citizen whenever a posting changes.
 */
record ReferenceRarity(int openPostings, Map<String, Integer> postingsWithSkill) implements SkillRarity {

    static final ReferenceRarity EMPTY = new ReferenceRarity(0, Map.of());

    static ReferenceRarity of(SkillStatistics live) {
        return new ReferenceRarity(live.openPostings(), Map.copyOf(live.documentFrequencies()));
    }

    @Override
    public double idf(String skill) {
        Integer df = postingsWithSkill.get(skill);
        return SkillRarity.idf(openPostings, df == null ? 0 : df);
    }

    /**
     * The largest factor by which any citizen's norm under this reference can exceed their norm under the live
     * statistics: max over skills of idf_ref / idf_live (a norm is a root of a sum of squared IDFs, so the ratio of
     * two norms lies within the extreme ratios of their terms). O(number of skills).
     */
    double drift(SkillStatistics live) {
        Map<String, Integer> now = live.documentFrequencies();
        int n = live.openPostings();
        double max = idf("") / SkillRarity.idf(n, 0); // skills on no posting, then or now
        for (String skill : postingsWithSkill.keySet()) {
            max = Math.max(max, idf(skill) / SkillRarity.idf(n, now.getOrDefault(skill, 0)));
        }
        for (Map.Entry<String, Integer> e : now.entrySet()) {
            max = Math.max(max, idf(e.getKey()) / SkillRarity.idf(n, e.getValue()));
        }
        return max;
    }

    /** As commit user data: "openPostings" and then "skill=df" lines. */
    String encode() {
        StringBuilder b = new StringBuilder().append(openPostings);
        postingsWithSkill.forEach((skill, df) -> b.append('\n').append(skill).append('=').append(df));
        return b.toString();
    }

    static ReferenceRarity decode(String text) {
        String[] lines = text.split("\n");
        Map<String, Integer> df = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].lastIndexOf('=');
            df.put(lines[i].substring(0, eq), Integer.parseInt(lines[i].substring(eq + 1)));
        }
        return new ReferenceRarity(Integer.parseInt(lines[0]), Map.copyOf(df));
    }
}
