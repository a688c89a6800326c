package dk.jobbro.flagging;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The whole set of a citizen's circumstances; it replaces the recorded set. An empty list clears it. */
@Serdeable
public record CircumstancesRequest(@NotNull @Size(max = 10) List<@NotNull @Valid CircumstanceEntry> circumstances) {
}
