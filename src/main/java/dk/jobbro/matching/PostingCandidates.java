package dk.jobbro.matching;

import java.util.List;
import java.util.OptionalDouble;

/** Finds the postings that pass every hard rule for a citizen and ranks them; implemented by the search index. */
public interface PostingCandidates {

    /**
     * The {@code limit} eligible postings with the highest {@link MatchScorer#score}, best first, ties to the lower
     * posting id: exactly the head of a ranking of every posting that passes the hard rules ({@link ExactTopK}).
     */
    List<ExactTopK.Scored> best(MatchCriteria criteria, int limit, boolean activityReady);

    /** The text relevance of one posting for these criteria, if it is in the index. */
    OptionalDouble textScore(MatchCriteria criteria, long postingId);

    /**
     * Skill IDF over the open postings in the index, fixed for one search: a skill's IDF is what it was the first time
     * the returned rarity was asked, so ranking and explaining agree while postings are written.
     */
    SkillRarity skillRarity();
}
