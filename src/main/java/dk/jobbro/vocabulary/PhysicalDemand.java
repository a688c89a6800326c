package dk.jobbro.vocabulary;

/** A physical demand of a job, which a citizen's health limitation may rule out. */
public enum PhysicalDemand {
    HEAVY_LIFTING,
    PROLONGED_STANDING,
    NIGHT_SHIFTS,
    OUTDOOR_WORK,
    REPETITIVE_WORK
}
