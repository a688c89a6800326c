package dk.jobbro.security;

import io.micronaut.security.annotation.Secured;
import dk.jobbro.web.ApiException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A citizen's rights over their data (GDPR articles 15 and 17) and the trail of who saw it; administrators only
 * (config/security.yml). Each call is itself audited.
 */
@Controller("/api/v1/citizens")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
class DataSubjectController {

    private final CitizenRecords records;
    private final OwnerLookup owners;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    DataSubjectController(CitizenRecords records, OwnerLookup owners, Access access, AuditLog audit, Clock clock) {
        this.records = records;
        this.owners = owners;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** The citizen's jobcentre, through the access layer (which audits the access as {@code action}). */
    private void load(long id, AuditAction action) {
        String jobcentre = owners.citizenJobcentre(id).orElseThrow(() -> ApiException.notFound("Citizen", id));
        access.citizen(id, jobcentre, action);
    }

    /** Everything held: table name to rows, as stored. */
    @Serdeable
    record Export(long citizenId, Instant exportedAt, Map<String, List<Map<String, Object>>> records) {
    }

    @Get("/{id}/export")
    Export export(@PathVariable long id) throws SQLException {
        load(id, AuditAction.EXPORT);
        Map<String, List<Map<String, Object>>> tables = records.export(id);
        if (tables.isEmpty()) {
            throw ApiException.notFound("Citizen", id);
        }
        return new Export(id, clock.instant(), tables);
    }

    /** Erasure: the citizen and everything derived from their data; the audit trail (ids only) stays. */
    @Delete("/{id}")
    HttpResponse<Void> erase(@PathVariable long id) throws SQLException {
        load(id, AuditAction.ERASE);
        if (!records.erase(id)) {
            throw ApiException.notFound("Citizen", id);
        }
        return HttpResponse.noContent();
    }

    @Get("/{id}/audit")
    List<AuditEntry> audit(@PathVariable long id) {
        // The trail outlives an erasure (it holds ids only), so it is read whether or not the citizen still exists;
        // reading it is audited like any read while the citizen does.
        owners.citizenJobcentre(id).ifPresent(jobcentre -> access.citizen(id, jobcentre, AuditAction.READ));
        return audit.of(id);
    }
}
