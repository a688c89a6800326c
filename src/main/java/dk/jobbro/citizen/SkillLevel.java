package dk.jobbro.citizen;

/** How well a citizen masters a skill. */
public enum SkillLevel {
    BASIC,
    GOOD,
    EXPERT
}
