package dk.jobbro.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Writes the audit entries a request collected in {@link AuditLog}, with the status of its answer. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AuditTrailFilter {

    private final AuditLog audit;

    AuditTrailFilter(AuditLog audit) {
        this.audit = audit;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void write(HttpRequest<?> request, HttpResponse<?> response) {
        if (audit.hasPending(request)) {
            audit.flush(request, response.code());
        }
    }
}
