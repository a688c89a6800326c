package dk.jobbro.posting;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle: DRAFT → OPEN → FILLED / CLOSED / EXPIRED. Only OPEN postings are matched. */
public enum PostingStatus {
    DRAFT,
    OPEN,
    FILLED,
    CLOSED,
    EXPIRED;

    /** Which states a client may move a posting to from this one (FILLED reopens when a slot frees up). */
    public Set<PostingStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(DRAFT, OPEN, CLOSED);
            case OPEN -> EnumSet.of(OPEN, FILLED, CLOSED);
            case FILLED -> EnumSet.of(FILLED, OPEN, CLOSED);
            case EXPIRED -> EnumSet.of(EXPIRED, OPEN, CLOSED);
            case CLOSED -> EnumSet.of(CLOSED);
        };
    }
}
