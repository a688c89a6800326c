package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A circumstance as consultants send and read it. {@code recordedOn} defaults to today; {@code handledBy} is an
 * optional code and only allowed when {@code handled} is true.
 */
@Serdeable
public record CircumstanceEntry(@NotNull CircumstanceArea area,
                                @NotNull Severity severity,
                                @NotNull Boolean handled,
                                @Nullable HandledBy handledBy,
                                @Nullable LocalDate recordedOn,
                                @NotBlank @Size(max = 100) String recordedBy) {

    static CircumstanceEntry of(Circumstance c) {
        return new CircumstanceEntry(c.area(), c.severity(), c.handled(), c.handledBy(), c.recordedOn(),
                c.recordedBy());
    }

    @Override
    public String toString() {
        return "CircumstanceEntry[redacted]";
    }
}
