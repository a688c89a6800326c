package dk.jobbro.flagging;

/** Where a citizen's current flag stands with the consultant. */
public enum FlagStatus {
    /** No rule fires (or no evaluation yet). */
    NOT_FLAGGED,
    /** Flagged and not yet reviewed. */
    OPEN,
    /** Flagged; a consultant has seen it and acts on it. */
    ACKNOWLEDGED,
    /** Flagged; a consultant overruled it with a recorded reason (professional judgement). */
    OVERRIDDEN
}
