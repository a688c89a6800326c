package dk.jobbro.posting;

import java.util.List;

/**
 * Published after a transaction that created or changed many postings at once (bulk loading) commits: followers
 * catch up in one pass, the search index with one refresh, instead of one per posting.
 */
public record PostingsChanged(List<Long> postingIds) {

    public PostingsChanged {
        postingIds = List.copyOf(postingIds);
    }
}
