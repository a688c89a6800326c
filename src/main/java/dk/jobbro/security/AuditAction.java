package dk.jobbro.security;

/** What was done with a citizen's data. */
public enum AuditAction {
    /** Profile, matches, circumstances, flags or the citizen in a list (candidates, work list). */
    READ,
    CREATE,
    CHANGE,
    /** Everything held about the citizen, for the citizen (data-subject access). */
    EXPORT,
    /** Erasure on the citizen's request; the audit trail itself is kept. */
    ERASE,
    /** A try to reach a citizen outside the caller's scope; answered 404. */
    DENIED
}
