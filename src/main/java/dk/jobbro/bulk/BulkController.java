package dk.jobbro.bulk;

import dk.jobbro.security.Role;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/**
 * Bulk loading: many postings or citizens in one call, as NDJSON ({@code application/x-ndjson}) or CSV
 * ({@code text/csv}, header in {@link BulkColumns}), at most 1 MB and {@value BulkFile#MAX_ROWS} rows a call.
 * Answers 200 with a per-row report whatever the rows held; 400 when the body itself cannot be read.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class BulkController {

    static final String NDJSON = "application/x-ndjson";

    private final BulkLoading loading;

    BulkController(BulkLoading loading) {
        this.loading = loading;
    }

    /** Postings, each row as the body of {@code POST /postings}; valid rows stored, the index refreshed once. */
    @Post("/postings/bulk")
    @Consumes({NDJSON, "text/csv"})
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    BulkReport postings(HttpRequest<?> request, @Body byte[] body) {
        return loading.postings(body, isCsv(request));
    }

    /** Citizens, each row as the body of {@code POST /citizens}; each creation audited. */
    @Post("/citizens/bulk")
    @Consumes({NDJSON, "text/csv"})
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    BulkReport citizens(HttpRequest<?> request, @Body byte[] body) {
        return loading.citizens(body, isCsv(request));
    }

    private static boolean isCsv(HttpRequest<?> request) {
        return request.getContentType().map(t -> t.getName().equalsIgnoreCase("text/csv")).orElse(false);
    }
}
