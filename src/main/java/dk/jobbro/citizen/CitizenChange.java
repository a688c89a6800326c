package dk.jobbro.citizen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One change to a citizen's matching data, for replicas to follow; the id only, never what changed. */
@MappedEntity("citizen_change")
public record CitizenChange(@Id @GeneratedValue @Nullable Long id, long citizenId, Instant changedAt) {
}
