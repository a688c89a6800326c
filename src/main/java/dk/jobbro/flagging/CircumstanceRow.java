package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;

/** A stored circumstance (table citizen_circumstance). */
@MappedEntity("citizen_circumstance")
record CircumstanceRow(@Id @GeneratedValue @Nullable Long id, long citizenId, CircumstanceArea area,
                       Severity severity, boolean handled, @Nullable HandledBy handledBy, LocalDate recordedOn,
                       String recordedBy) {

    Circumstance circumstance() {
        return new Circumstance(area, severity, handled, handledBy, recordedOn, recordedBy);
    }

    static CircumstanceRow of(long citizenId, Circumstance c) {
        return new CircumstanceRow(null, citizenId, c.area(), c.severity(), c.handled(), c.handledBy(),
                c.recordedOn(), c.recordedBy());
    }

    @Override
    public String toString() {
        return "CircumstanceRow[redacted]";
    }
}
