package dk.jobbro.posting;

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

@Controller("/api/v1/postings")
@ExecuteOn(TaskExecutors.BLOCKING)
class PostingController {

    private final PostingService service;
    private final Tenancy tenancy;

    PostingController(PostingService service, Tenancy tenancy) {
        this.service = service;
        this.tenancy = tenancy;
    }

    @Post
    HttpResponse<PostingView> create(@Body @Valid PostingRequest request) {
        tenancy.requireOwnEmployer(request.employerId());
        PostingView view = PostingView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/postings/" + view.id()));
    }

    @Get
    List<PostingView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return service.list(page, size, tenancy.employerScope()).stream().map(PostingView::of).toList();
    }

    @Get("/{id:\\d+}")
    PostingView get(@PathVariable long id) {
        return PostingView.of(service.get(id));
    }

    @Put("/{id:\\d+}")
    PostingView update(@PathVariable long id, @Body @Valid PostingRequest request) {
        tenancy.requireOwnEmployer(request.employerId());
        return PostingView.of(service.update(id, request));
    }

    @Post("/{id:\\d+}/close")
    PostingView close(@PathVariable long id) {
        return PostingView.of(service.close(id));
    }
}
