package dk.jobbro.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.security.annotation.Secured;
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

    private final DataSubjectRights rights;
    private final Clock clock;

    DataSubjectController(DataSubjectRights rights, Clock clock) {
        this.rights = rights;
        this.clock = clock;
    }

    /** Everything held: table name to rows, as stored. */
    @Serdeable
    record Export(long citizenId, Instant exportedAt, Map<String, List<Map<String, Object>>> records) {
    }

    @Operation(summary = "Everything held about a citizen (data-subject access)")
    @Get("/{id}/export")
    Export export(@PathVariable long id) throws SQLException {
        return new Export(id, clock.instant(), rights.export(id));
    }

    /** Erasure: the citizen and everything derived from their data; the audit trail (ids only) stays. */
    @Operation(summary = "Erase a citizen and everything derived from their data")
    @ApiResponse(responseCode = "204", description = "Done; no content")
    @Delete("/{id}")
    HttpResponse<Void> erase(@PathVariable long id) throws SQLException {
        rights.erase(id);
        return HttpResponse.noContent();
    }

    @Operation(summary = "Who read or changed a citizen's data, when and through which endpoint")
    @Get("/{id}/audit")
    List<AuditEntry> audit(@PathVariable long id) {
        return rights.trail(id);
    }
}
