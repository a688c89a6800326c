package dk.jobbro.matching;

import java.util.List;
import java.util.OptionalDouble;

/** Finds the postings that pass every hard rule for a citizen, pre-ranked; implemented by the search index. */
public interface PostingCandidates {

    /** Up to {@code criteria.candidatePool()} eligible postings, best first by the index's pre-ranking. */
    List<Candidate> find(MatchCriteria criteria);

    /** The text relevance of one posting for these criteria, if it is in the index. */
    OptionalDouble textScore(MatchCriteria criteria, long postingId);

    /** Skill IDF over the open postings in the index, as of now. */
    SkillRarity skillRarity();

    /** A posting and its text relevance (BM25 of the wanted occupations' labels against the posting). */
    record Candidate(PostingFacts facts, float textScore) {
    }
}
