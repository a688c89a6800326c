package dk.jobbro.matching;

/**
 * How discriminating a skill is: its inverse document frequency over the open postings, kept current by the index
 * as postings change. "Use a computer" is on most postings and weighs little; "veterinary dentistry" on few.
 */
public interface SkillRarity {

    /** BM25's IDF, ln(1 + (N - df + 0.5) / (df + 0.5)), over the N open postings; df = 0 for an unknown skill. */
    double idf(String skill);

    /**
     * The same number as {@link #idf(String)} for a skill also known by its {@link CodeIds} id. A view shared by many
     * searches may remember it by id, so that each search's first read of a skill is an array read instead of a hash
     * look-up of the code (thousands of skills a search, 300,000 searches a night).
     */
    default double idf(int id, String skill) {
        return idf(skill);
    }

    /** Every skill the same (plain-Java specifications that do not test rarity). */
    SkillRarity UNIFORM = skill -> 1.0;

    static double idf(int openPostings, int postingsWithSkill) {
        return Math.log(1 + (openPostings - postingsWithSkill + 0.5) / (postingsWithSkill + 0.5));
    }
}
