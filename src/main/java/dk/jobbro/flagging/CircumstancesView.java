package dk.jobbro.flagging;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A citizen's recorded circumstances, in area order, with the flag they gave. */
@Serdeable
public record CircumstancesView(long citizenId, List<CircumstanceEntry> circumstances, ParallelEffort flag) {
}
