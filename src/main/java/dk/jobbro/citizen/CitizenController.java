package dk.jobbro.citizen;

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

    @Post
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<CitizenView> create(@Body @Valid CitizenRequest request) {
        CitizenView view = CitizenView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/citizens/" + view.id()));
    }

    @Get
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    List<CitizenView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return service.list(page, size).stream().map(CitizenView::of).toList();
    }

    @Get("/{id}")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    CitizenView get(@PathVariable long id) {
        return CitizenView.of(service.read(id));
    }

    @Put("/{id}")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    CitizenView update(@PathVariable long id, @Body @Valid CitizenRequest request) {
        return CitizenView.of(service.update(id, request));
    }

    /** "Not for this citizen": an employer or occupation the consultant keeps out of the matches, with why. */
    @Post("/{id}/not-for")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<NotForCitizen> addNotFor(@PathVariable long id, @Body @Valid NotForCitizenRequest request) {
        NotForCitizen saved = service.addNotFor(id, request);
        return HttpResponse.created(saved, URI.create("/api/v1/citizens/" + id + "/not-for/" + saved.id()));
    }

    @Get("/{id}/not-for")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    List<NotForCitizen> notFor(@PathVariable long id) {
        return service.readNotFor(id);
    }

    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    @Delete("/{id}/not-for/{entryId}")
    HttpResponse<Void> removeNotFor(@PathVariable long id, @PathVariable long entryId) {
        service.removeNotFor(id, entryId);
        return HttpResponse.noContent();
    }
}
