package dk.jobbro.flagging;

import io.swagger.v3.oas.annotations.Operation;
import dk.jobbro.security.Access;
import dk.jobbro.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Consultants' endpoints for circumstances, flags and the work list (sensitive data: never an employer's). Who
 * acknowledged or overrode a flag is the token's subject, never a typed name.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
class FlagController {

    private final CircumstanceService circumstances;
    private final FlagService flags;
    private final Access access;

    FlagController(CircumstanceService circumstances, FlagService flags, Access access) {
        this.circumstances = circumstances;
        this.flags = flags;
        this.access = access;
    }

    /** Acknowledging needs no body; an empty object is accepted. */
    @Serdeable
    record AcknowledgeRequest() {
    }

    @Serdeable
    record OverrideRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Operation(summary = "Replace a citizen's circumstances and evaluate the flag")
    @Put("/citizens/{id}/circumstances")
    CircumstancesView replace(@PathVariable long id, @Body @Valid CircumstancesRequest request) {
        return circumstances.replace(id, request);
    }

    @Operation(summary = "Read a citizen's circumstances (sensitive)")
    @Get("/citizens/{id}/circumstances")
    CircumstancesView circumstances(@PathVariable long id) {
        return circumstances.get(id);
    }

    @Operation(summary = "A citizen's flag for parallel interventions, its history and reviews")
    @Get("/citizens/{id}/flags")
    FlagService.Flags flags(@PathVariable long id) {
        return flags.flags(id);
    }

    @Operation(summary = "Reproduce one stored flag evaluation under its own rule set")
    @Get("/citizens/{id}/flags/evaluations/{evaluationId}")
    FlagService.Reproduction evaluation(@PathVariable long id, @PathVariable long evaluationId) {
        return flags.reproduce(id, evaluationId);
    }

    @Operation(summary = "Acknowledge a citizen's flag (as the signed-in consultant)")
    @Post("/citizens/{id}/flags/acknowledge")
    FlagService.Flags acknowledge(@PathVariable long id, @Body @Nullable @Valid AcknowledgeRequest request) {
        return flags.acknowledge(id, access.subject());
    }

    @Operation(summary = "Override a citizen's flag with a reason (as the signed-in consultant)")
    @Post("/citizens/{id}/flags/override")
    FlagService.Flags override(@PathVariable long id, @Body @Valid OverrideRequest request) {
        return flags.override(id, request.reason(), access.subject());
    }

    @Operation(summary = "A jobcentre's work list: citizens needing a parallel effort first")
    @Get("/worklist")
    FlagService.Worklist worklist(@QueryValue @NotBlank @Size(max = 100) String jobcentre,
                                  @QueryValue(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        return flags.worklist(jobcentre, limit);
    }
}
