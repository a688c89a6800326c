package dk.jobbro.security;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Writes the audit trail of every read and change of a citizen's data. Requests on {@code /citizens/{id}/**} are
 * recorded by {@link AuditFilter}; endpoints that return many citizens (the citizen list, candidates, the work list)
 * record each citizen they return through {@link #readMany}.
 */
@Singleton
public class AuditLog {

    private static final int MAX_SUBJECT = 200;
    private static final int MAX_ENDPOINT = 200;

    private final AuditRepository entries;
    private final Tenancy tenancy;
    private final Clock clock;

    AuditLog(AuditRepository entries, Tenancy tenancy, Clock clock) {
        this.entries = entries;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** The current caller read these citizens (each gets one entry) through the current endpoint. */
    public void readMany(Collection<Long> citizenIds) {
        if (citizenIds.isEmpty()) {
            return;
        }
        Caller caller = tenancy.caller();
        String endpoint = ServerRequestContext.currentRequest().map(AuditLog::endpoint).orElse("internal");
        entries.saveAll(citizenIds.stream().distinct().map(id -> entry(caller, AuditAction.READ, id, endpoint, 200))
                .toList());
    }

    void record(Caller caller, AuditAction action, long citizenId, HttpRequest<?> request, int status) {
        entries.save(entry(caller, action, citizenId, endpoint(request), status));
    }

    void denied(Caller caller, long citizenId, HttpRequest<?> request) {
        record(caller, AuditAction.DENIED, citizenId, request, 404);
    }

    List<AuditEntry> of(long citizenId) {
        return entries.findByCitizenIdOrderById(citizenId);
    }

    private AuditEntry entry(Caller caller, AuditAction action, long citizenId, String endpoint, int status) {
        return new AuditEntry(null, clock.instant(), cut(caller.subject(), MAX_SUBJECT), caller.role().name(), action,
                citizenId, cut(endpoint, MAX_ENDPOINT), status);
    }

    /** Method and route template ({@code GET /api/v1/citizens/{id}}): the query string may carry free text. */
    static String endpoint(HttpRequest<?> request) {
        return request.getMethodName() + " " + BasicHttpAttributes.getUriTemplate(request).orElse(request.getPath());
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
