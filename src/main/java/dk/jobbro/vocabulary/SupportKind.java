package dk.jobbro.vocabulary;

/** Support a workplace can offer and a citizen can need; the same words on both sides so they can be matched. */
public enum SupportKind {
    MENTOR,
    GRADUAL_START,
    QUIET_WORKPLACE,
    FLEXIBLE_HOURS,
    PHYSICAL_ACCOMMODATION,
    SUPERVISOR_TIME,
    LANGUAGE_SUPPORT
}
