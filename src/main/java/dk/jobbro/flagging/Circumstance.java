package dk.jobbro.flagging;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded circumstance of a citizen. Special-category personal data: it reaches consultants and the flag
 * rules only, never a log line, an error message, matching scores or an employer.
 *
 * @param handledBy what handles it, when {@code handled}; null otherwise
 */
public record Circumstance(CircumstanceArea area, Severity severity, boolean handled, HandledBy handledBy,
                           LocalDate recordedOn, String recordedBy) {

    public Circumstance {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(recordedOn, "recordedOn");
        Objects.requireNonNull(recordedBy, "recordedBy");
    }

    public Optional<HandledBy> handledByCode() {
        return Optional.ofNullable(handledBy);
    }

    /** Deliberately says nothing about the content, so an accidental log of this record leaks nothing. */
    @Override
    public String toString() {
        return "Circumstance[redacted]";
    }
}
