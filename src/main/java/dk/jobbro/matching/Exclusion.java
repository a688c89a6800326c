package dk.jobbro.matching;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A hard rule that keeps a posting from a citizen: what it means and what would change it, in Danish.
 * {@code threshold} carries the number behind "what would change it" where there is one (the commute in km
 * that would match, the weekly hours the citizen would need).
 */
@Serdeable
public record Exclusion(Rule rule, String text, String wouldMatchIf, @Nullable Double threshold) {

    Exclusion(Rule rule, String text, String wouldMatchIf) {
        this(rule, text, wouldMatchIf, null);
    }

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
        LANGUAGE,
        NO_CAPACITY,
        NOT_FOR_CITIZEN
    }
}
