package dk.jobbro.flagging;

import dk.jobbro.security.AuditLog;
import dk.jobbro.security.Tenancy;
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
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Consultants' endpoints for circumstances, flags and the work list. Never reachable from employer paths. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class FlagController {

    private final CircumstanceService circumstances;
    private final FlagService flags;

    private final Tenancy tenancy;
    private final AuditLog audit;

    FlagController(CircumstanceService circumstances, FlagService flags, Tenancy tenancy, AuditLog audit) {
        this.circumstances = circumstances;
        this.flags = flags;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @Serdeable
    record AcknowledgeRequest(@Nullable @Size(max = 100) String by) {
    }

    @Serdeable
    record OverrideRequest(@NotBlank @Size(max = 1000) String reason, @Nullable @Size(max = 100) String by) {
    }

    @Put("/citizens/{id}/circumstances")
    CircumstancesView replace(@PathVariable long id, @Body @Valid CircumstancesRequest request) {
        return circumstances.replace(id, request);
    }

    @Get("/citizens/{id}/circumstances")
    CircumstancesView circumstances(@PathVariable long id) {
        return circumstances.get(id);
    }

    @Get("/citizens/{id}/flags")
    FlagService.Flags flags(@PathVariable long id) {
        return flags.flags(id);
    }

    @Get("/citizens/{id}/flags/evaluations/{evaluationId}")
    FlagService.Reproduction evaluation(@PathVariable long id, @PathVariable long evaluationId) {
        return flags.reproduce(id, evaluationId);
    }

    @Post("/citizens/{id}/flags/acknowledge")
    FlagService.Flags acknowledge(@PathVariable long id, @Body @Nullable @Valid AcknowledgeRequest request) {
        return flags.acknowledge(id, request == null ? null : request.by());
    }

    @Post("/citizens/{id}/flags/override")
    FlagService.Flags override(@PathVariable long id, @Body @Valid OverrideRequest request) {
        return flags.override(id, request.reason(), request.by());
    }

    @Get("/worklist")
    FlagService.Worklist worklist(@QueryValue @NotBlank @Size(max = 100) String jobcentre,
                                  @QueryValue(defaultValue = "500") @Min(1) @Max(5000) int limit) {
        tenancy.requireOwnJobcentre(jobcentre);
        FlagService.Worklist worklist = flags.worklist(jobcentre.strip(), limit);
        audit.readMany(worklist.citizens().stream().map(FlagService.WorklistEntry::citizenId).toList());
        return worklist;
    }
}
