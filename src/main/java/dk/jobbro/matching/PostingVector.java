package dk.jobbro.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A posting's facts with its skills and occupation as {@link CodeIds}: what {@link ExactTopK} reads for every
 * eligible posting. The skills are the posting's required list, then the desired ones not also required, then its
 * occupation's unnamed essential ones, in the order {@link MatchScorer#skillValue} sums them, so both compute the
 * same double. Immutable; about 8 bytes a
 * skill and 40 a posting more than the facts.
 */
public final class PostingVector {

    private final PostingFacts facts;
    final int occupation;
    final int[] skills;
    final String[] skillCodes;
    final int requiredCount;
    /** Index of the first of the occupation's skills (after required and desired). */
    final int desiredEnd;
    /** No skill listed twice: then the skill value is a true cosine, at most 1, and can bound the score. */
    final boolean distinctSkills;

    private PostingVector(PostingFacts facts, int occupation, int[] skills, String[] skillCodes, int requiredCount,
                          int desiredEnd, boolean distinctSkills) {
        this.facts = facts;
        this.occupation = occupation;
        this.skills = skills;
        this.skillCodes = skillCodes;
        this.requiredCount = requiredCount;
        this.desiredEnd = desiredEnd;
        this.distinctSkills = distinctSkills;
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
