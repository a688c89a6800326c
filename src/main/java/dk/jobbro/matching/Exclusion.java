package dk.jobbro.matching;

import io.micronaut.serde.annotation.Serdeable;

/** A hard rule that keeps a posting from a citizen, with what it means in Danish. */
@Serdeable
public record Exclusion(Rule rule, String text) {

    /** The hard rules of matching; the index filters by exactly these. */
    public enum Rule {
        NOT_OPEN,
        NO_FREE_SLOT,
        DEADLINE_PASSED,
        KIND_NOT_ALLOWED,
        TOO_FAR,
        TOO_MANY_HOURS,
        PHYSICAL_DEMAND,
        DRIVING_LICENCE,
        LANGUAGE
    }
}
