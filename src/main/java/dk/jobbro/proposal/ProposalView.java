package dk.jobbro.proposal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * A proposal as the API shows it. {@code citizenId} is given to consultants and administrators only: an employer
 * learns the alias or first name, skills, occupations and the shared explanation, nothing that identifies or
 * describes the person beyond that.
 */
@Serdeable
public record ProposalView(long id, long postingId, long employerId, @Nullable Long citizenId, String displayName,
                           List<String> skills, List<String> occupations, SharedExplanation explanation,
                           @Nullable String note, ProposalStatus status, List<Step> steps, Instant createdAt,
                           Instant updatedAt) {

    @Serdeable
    public record Step(ProposalStatus status, @Nullable String reason, String by, String role, Instant at) {
    }

    public static ProposalView of(ProposalService.WithSteps w, boolean forEmployer) {
        Proposal p = w.proposal();
        return new ProposalView(p.id(), p.postingId(), p.employerId(), forEmployer ? null : p.citizenId(),
                p.displayName(), p.skills(), p.occupations(), p.explanation(), p.note(), p.status(),
                w.steps().stream().map(s -> new Step(s.status(), s.reason(), s.subject(), s.role(), s.occurredAt()))
                        .toList(), p.createdAt(), p.updatedAt());
    }
}
