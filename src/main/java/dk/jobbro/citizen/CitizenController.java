package dk.jobbro.citizen;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dk.jobbro.security.Role;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/citizens")
@ExecuteOn(TaskExecutors.BLOCKING)
class CitizenController {

    private final CitizenService service;

    CitizenController(CitizenService service) {
        this.service = service;
    }

    @Operation(summary = "Register a citizen in one of your jobcentres")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new resource",
            headers = @Header(name = "Location", description = "Path of the new resource"))
    @Post
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<CitizenView> create(@Body @Valid CitizenRequest request) {
        CitizenView view = CitizenView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/citizens/" + view.id()));
    }

    @Operation(summary = "List the citizens you may see, a page at a time")
    @Get
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    List<CitizenView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return service.list(page, size).stream().map(CitizenView::of).toList();
    }

    @Operation(summary = "Read a citizen's profile")
    @Get("/{id}")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    CitizenView get(@PathVariable long id) {
        return CitizenView.of(service.read(id));
    }

    @Operation(summary = "Replace a citizen's profile")
    @Put("/{id}")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    CitizenView update(@PathVariable long id, @Body @Valid CitizenRequest request) {
        return CitizenView.of(service.update(id, request));
    }

    /** "Not for this citizen": an employer or occupation the consultant keeps out of the matches, with why. */
    @Operation(summary = "Keep an employer or occupation out of a citizen's matches, with the reason")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new resource",
            headers = @Header(name = "Location", description = "Path of the new resource"))
    @Post("/{id}/not-for")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<NotForCitizen> addNotFor(@PathVariable long id, @Body @Valid NotForCitizenRequest request) {
        NotForCitizen saved = service.addNotFor(id, request);
        return HttpResponse.created(saved, URI.create("/api/v1/citizens/" + id + "/not-for/" + saved.id()));
    }

    @Operation(summary = "List a citizen's \"not for this citizen\" entries")
    @Get("/{id}/not-for")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    List<NotForCitizen> notFor(@PathVariable long id) {
        return service.readNotFor(id);
    }

    @Operation(summary = "Remove a \"not for this citizen\" entry")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    @Delete("/{id}/not-for/{entryId}")
    HttpResponse<Void> removeNotFor(@PathVariable long id, @PathVariable long entryId) {
        service.removeNotFor(id, entryId);
        return HttpResponse.noContent();
    }
}
