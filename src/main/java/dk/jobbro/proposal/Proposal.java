package dk.jobbro.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/**
 * A citizen proposed for a posting. It carries copies of only what the employer may see, made when proposed; the
 * citizen id and jobcentre are for tenancy and never shown to the employer.
 */
@MappedEntity("proposal")
public record Proposal(@Id @GeneratedValue @Nullable Long id,
                       long citizenId,
                       long postingId,
                       long employerId,
                       String jobcentre,
                       String displayName,
                       @TypeDef(type = DataType.JSON) List<String> skills,
                       @TypeDef(type = DataType.JSON) List<String> occupations,
                       @TypeDef(type = DataType.JSON) SharedExplanation explanation,
                       @Nullable String note,
                       ProposalStatus status,
                       Instant createdAt,
                       Instant updatedAt) {

    Proposal withStatus(ProposalStatus next, Instant now) {
        return new Proposal(id, citizenId, postingId, employerId, jobcentre, displayName, skills, occupations,
                explanation, note, next, createdAt, now);
    }
}
