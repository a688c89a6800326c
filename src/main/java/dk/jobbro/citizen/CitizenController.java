package dk.jobbro.citizen;

import dk.jobbro.security.AuditLog;
import dk.jobbro.security.Tenancy;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/citizens")
@ExecuteOn(TaskExecutors.BLOCKING)
class CitizenController {

    private final CitizenService service;
    private final Tenancy tenancy;
    private final AuditLog audit;

    CitizenController(CitizenService service, Tenancy tenancy, AuditLog audit) {
        this.service = service;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @Post
    HttpResponse<CitizenView> create(@Body @Valid CitizenRequest request) {
        tenancy.requireOwnJobcentre(request.jobcentre());
        CitizenView view = CitizenView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/citizens/" + view.id()));
    }

    @Get
    List<CitizenView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        List<CitizenView> views = service.list(page, size, tenancy.jobcentreScope()).stream()
                .map(CitizenView::of).toList();
        audit.readMany(views.stream().map(CitizenView::id).toList());
        return views;
    }

    @Get("/{id}")
    CitizenView get(@PathVariable long id) {
        return CitizenView.of(service.get(id));
    }

    @Put("/{id}")
    CitizenView update(@PathVariable long id, @Body @Valid CitizenRequest request) {
        // The path's citizen is checked by TenancyFilter; the body must not move the citizen out of scope.
        tenancy.requireOwnJobcentre(request.jobcentre());
        return CitizenView.of(service.update(id, request));
    }

    /** "Not for this citizen": an employer or occupation the consultant keeps out of the matches, with why. */
    @Post("/{id}/not-for")
    HttpResponse<NotForCitizen> addNotFor(@PathVariable long id, @Body @Valid NotForCitizenRequest request) {
        NotForCitizen saved = service.addNotFor(id, request);
        return HttpResponse.created(saved, URI.create("/api/v1/citizens/" + id + "/not-for/" + saved.id()));
    }

    @Get("/{id}/not-for")
    List<NotForCitizen> notFor(@PathVariable long id) {
        service.get(id);
        return service.notFor(id);
    }

    @Delete("/{id}/not-for/{entryId}")
    HttpResponse<Void> removeNotFor(@PathVariable long id, @PathVariable long entryId) {
        service.removeNotFor(id, entryId);
        return HttpResponse.noContent();
    }
}
