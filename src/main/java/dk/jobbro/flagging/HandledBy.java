package dk.jobbro.flagging;

/**
 * What already handles a circumstance. A code, never free text: free text about special-category data is where
 * sensitive details leak into places they should not be.
 */
public enum HandledBy {
    IN_TREATMENT,
    SUPPORT_PERSON,
    HOUSING_SUPPORT,
    DEBT_COUNSELLING,
    MENTOR,
    FAMILY_SUPPORT,
    OTHER_EFFORT
}
