package dk.jobbro.flagging;

/** The areas of a citizen's life a consultant may record a circumstance in (DOMAIN.md, "circumstances"). */
public enum CircumstanceArea {
    HOUSING,
    SUBSTANCE_USE,
    MENTAL_HEALTH,
    PHYSICAL_HEALTH,
    DEBT_AND_ECONOMY,
    FAMILY_AND_CARE,
    CRIMINAL_RECORD,
    READING_AND_WRITING,
    SOCIAL_NETWORK,
    LANGUAGE
}
