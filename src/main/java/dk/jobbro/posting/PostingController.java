package dk.jobbro.posting;

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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.net.URI;
import java.util.List;

@Controller("/api/v1/postings")
@ExecuteOn(TaskExecutors.BLOCKING)
class PostingController {

    private final PostingService service;

    PostingController(PostingService service) {
        this.service = service;
    }

    @Operation(summary = "Create a posting (an ordinary job, an internship or a wage-subsidy slot)")
    @ApiResponse(responseCode = "201", description = "Created; the Location header names the new resource",
            headers = @Header(name = "Location", description = "Path of the new resource"))
    @Post
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    HttpResponse<PostingView> create(@Body @Valid PostingRequest request) {
        PostingView view = PostingView.of(service.create(request));
        return HttpResponse.created(view, URI.create("/api/v1/postings/" + view.id()));
    }

    @Operation(summary = "List the postings you may see (an employer: its own)")
    @Get
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    List<PostingView> list(@QueryValue(defaultValue = "0") @Min(0) @Max(100_000) int page,
                           @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        return service.list(page, size).stream().map(PostingView::of).toList();
    }

    @Operation(summary = "Read a posting")
    @Get("/{id:\\d+}")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    PostingView get(@PathVariable long id) {
        return PostingView.of(service.get(id));
    }

    @Operation(summary = "Replace a posting")
    @Put("/{id:\\d+}")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    PostingView update(@PathVariable long id, @Body @Valid PostingRequest request) {
        return PostingView.of(service.update(id, request));
    }

    @Operation(summary = "Close a posting; it leaves matching at once")
    @Post("/{id:\\d+}/close")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    PostingView close(@PathVariable long id) {
        return PostingView.of(service.close(id));
    }
}
