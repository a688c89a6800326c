package dk.jobbro.jobposting;

import dk.jobbro.posting.PostingStatus;
import dk.jobbro.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.io.IOException;
import java.util.Optional;

/**
 * schema.org {@code JobPosting}: import from JSON-LD or a job board's HTML page, export of open postings as
 * JSON-LD. The import body is free-form JSON-LD, read as bytes (at most 1 MB) and parsed by {@link JsonLdDocument}.
 */
@Controller("/api/v1/postings")
@ExecuteOn(TaskExecutors.BLOCKING)
class JobPostingController {

    static final String LD_JSON = "application/ld+json";

    private final JobPostingImport importer;
    private final JobPostingExport exporter;

    private final JsonMapper json;

    JobPostingController(JobPostingImport importer, JobPostingExport exporter, JsonMapper json) {
        this.json = json;
        this.importer = importer;
        this.exporter = exporter;
    }

    /** Imports the JobPostings of a JSON-LD document or HTML page; answers a report of every posting and field. */
    @Post("/import/jobposting")
    @Consumes({MediaType.APPLICATION_JSON, LD_JSON, MediaType.TEXT_HTML})
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    ImportReport importJobPostings(HttpRequest<?> request, @Body byte[] body,
                                   @QueryValue @Nullable PostingStatus status,
                                   @QueryValue @Nullable @Min(1) @Max(999_999_999_999_999_999L) Long employerId) {
        boolean html = request.getContentType().map(t -> t.getName().equalsIgnoreCase(MediaType.TEXT_HTML))
                .orElse(false);
        return importer.importDocument(body, html, Optional.ofNullable(status), Optional.ofNullable(employerId));
    }

    /** Open postings as a schema.org JSON-LD {@code @graph}, by id; page with {@code afterId} (the last id seen). */
    @Get("/export/jobposting")
    @Produces(LD_JSON)
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    HttpResponse<byte[]> export(@QueryValue(defaultValue = "0") @Min(0) long afterId,
                                @QueryValue(defaultValue = "1000") @Min(1) @Max(5000) int limit) throws IOException {
        // Written here: Micronaut has no encoder registered for application/ld+json.
        return HttpResponse.ok(json.writeValueAsBytes(exporter.openPostings(afterId, limit))).contentType(LD_JSON);
    }
}
