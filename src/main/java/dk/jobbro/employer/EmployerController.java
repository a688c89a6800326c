package dk.jobbro.employer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dk.jobbro.security.Role;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.validation.Valid;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/employers")
@ExecuteOn(TaskExecutors.BLOCKING)
class EmployerController {

    private final EmployerService service;

    EmployerController(EmployerService service) {
        this.service = service;
    }

    @Operation(summary = "Register an employer")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new resource",
            headers = @Header(name = "Location", description = "Path of the new resource"))
    @Post
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<EmployerView> create(@Body @Valid EmployerRequest request) {
        EmployerView view = EmployerView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/employers/" + view.id()));
    }

    @Operation(summary = "List employers (an employer sees itself), or find them by CVR")
    @Get
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    List<EmployerView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size,
                            @QueryValue @Nullable @Pattern(regexp = "\\d{8}", message = "must be an 8-digit CVR number")
                            String cvr) {
        List<Employer> found = cvr == null ? service.list(page, size) : service.findByCvr(cvr);
        return found.stream().map(EmployerView::of).toList();
    }

    @Operation(summary = "Read an employer")
    @Get("/{id}")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    EmployerView get(@PathVariable long id) {
        return EmployerView.of(service.get(id));
    }

    @Operation(summary = "Replace an employer's record (an employer cannot change its CVR or P-number)")
    @Put("/{id}")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    EmployerView update(@PathVariable long id, @Body @Valid EmployerRequest request) {
        return EmployerView.of(service.update(id, request));
    }

    /** What the employer changed in its own record, by field: for consultants confirming a head count. */
    @Operation(summary = "What an employer changed in its own record, by field")
    @Get("/{id}/changes")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    List<EmployerChange> changes(@PathVariable long id) {
        return service.changes(id);
    }
}
