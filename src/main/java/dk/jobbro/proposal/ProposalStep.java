package dk.jobbro.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One step of a proposal (proposed, interview, accepted, declined, withdrawn): who took it and when. */
@MappedEntity("proposal_step")
public record ProposalStep(@Id @GeneratedValue @Nullable Long id,
                           long proposalId,
                           long citizenId,
                           ProposalStatus status,
                           @Nullable String reason,
                           String subject,
                           String role,
                           Instant occurredAt) {
}
