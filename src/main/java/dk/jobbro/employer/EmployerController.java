package dk.jobbro.employer;

import dk.jobbro.security.Tenancy;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/employers")
@ExecuteOn(TaskExecutors.BLOCKING)
class EmployerController {

    private final EmployerService service;
    private final Tenancy tenancy;

    EmployerController(EmployerService service, Tenancy tenancy) {
        this.service = service;
        this.tenancy = tenancy;
    }

    @Post
    HttpResponse<EmployerView> create(@Body @Valid EmployerRequest request) {
        EmployerView view = EmployerView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/employers/" + view.id()));
    }

    @Get
    List<EmployerView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                            @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        // An employer's list holds its own record only.
        return tenancy.employerScope()
                .map(own -> page == 0 ? service.find(own).stream().map(EmployerView::of).toList() : List.<EmployerView>of())
                .orElseGet(() -> service.list(page, size).stream().map(EmployerView::of).toList());
    }

    @Get("/{id}")
    EmployerView get(@PathVariable long id) {
        return EmployerView.of(service.get(id));
    }

    @Put("/{id}")
    EmployerView update(@PathVariable long id, @Body @Valid EmployerRequest request) {
        return EmployerView.of(service.update(id, request));
    }
}
