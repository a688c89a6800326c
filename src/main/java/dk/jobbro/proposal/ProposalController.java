package dk.jobbro.proposal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dk.jobbro.security.Access;
import dk.jobbro.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Proposals of citizens for postings, and the employer's answers. */
@Controller("/api/v1/proposals")
@ExecuteOn(TaskExecutors.BLOCKING)
class ProposalController {

    private final ProposalService proposals;
    private final Access access;

    ProposalController(ProposalService proposals, Access access) {
        this.proposals = proposals;
        this.access = access;
    }

    /** {@code alias}: shown to the employer instead of the first name. Never write health or circumstances in the note. */
    @Serdeable
    record ProposalRequest(@NotNull @Positive Long citizenId, @NotNull @Positive Long postingId,
                           @Nullable @Size(max = 100) String alias, @Nullable @Size(max = 1000) String note) {
    }

    @Serdeable
    record AnswerRequest(@NotNull ProposalStatus answer, @Nullable @Size(max = 1000) String reason) {
    }

    @Serdeable
    record WithdrawRequest(@Nullable @Size(max = 1000) String reason) {
    }

    @Operation(summary = "Propose one of your citizens for a posting, with a note and an optional alias")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new resource",
            headers = @Header(name = "Location", description = "Path of the new resource"))
    @Post
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<ProposalView> propose(@Body @Valid ProposalRequest request) {
        ProposalView view = view(proposals.propose(request.citizenId(), request.postingId(), request.alias(),
                request.note()));
        return HttpResponse.created(view, URI.create("/api/v1/proposals/" + view.id()));
    }

    @Operation(summary = "List the proposals you may see (an employer: for its own postings)")
    @Get
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    List<ProposalView> list(@QueryValue @Nullable @Positive Long postingId,
                            @QueryValue @Nullable @Positive Long citizenId,
                            @QueryValue @Nullable ProposalStatus status) {
        return proposals.list(Optional.ofNullable(postingId), Optional.ofNullable(citizenId),
                Optional.ofNullable(status)).stream().map(this::view).toList();
    }

    @Operation(summary = "Read a proposal with its steps")
    @Get("/{id}")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    ProposalView get(@PathVariable long id) {
        return view(proposals.get(id));
    }

    @Operation(summary = "The employer's answer: interview, accepted (fills a slot) or declined with a reason")
    @Post("/{id}/answer")
    @Secured({Role.EMPLOYER_ROLE, Role.ADMIN_ROLE})
    ProposalView answer(@PathVariable long id, @Body @Valid AnswerRequest request) {
        return view(proposals.answer(id, request.answer(), request.reason()));
    }

    @Operation(summary = "Withdraw an open proposal")
    @Post("/{id}/withdraw")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    ProposalView withdraw(@PathVariable long id, @Body @Nullable @Valid WithdrawRequest request) {
        return view(proposals.withdraw(id, request == null ? null : request.reason()));
    }

    private ProposalView view(ProposalService.WithSteps w) {
        return ProposalView.of(w, access.callerRole() == Role.EMPLOYER);
    }
}
