package dk.jobbro.flagging;

/** A parallel social or health intervention that a flag proposes alongside (or before) a placement. */
public enum Intervention {
    HOUSING_SUPPORT,
    ADDICTION_TREATMENT,
    MENTAL_HEALTH_TREATMENT,
    DEBT_COUNSELLING,
    SUPPORT_PERSON,
    MENTOR,
    COORDINATED_RESOURCE_PROGRAMME
}
