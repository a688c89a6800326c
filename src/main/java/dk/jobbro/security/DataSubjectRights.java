package dk.jobbro.security;

import dk.jobbro.web.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * A citizen's rights over their data (GDPR articles 15 and 17) and the trail of who saw it. Each goes through the
 * access layer, which audits it: the export as {@link AuditAction#EXPORT}, the erasure as {@link AuditAction#ERASE}.
 */
@Singleton
public class DataSubjectRights {

    private final CitizenRecords records;
    private final OwnerLookup owners;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher<CitizenErased> erasures;

    DataSubjectRights(CitizenRecords records, OwnerLookup owners, Access access, AuditLog audit,
                      ApplicationEventPublisher<CitizenErased> erasures) {
        this.erasures = erasures;
        this.records = records;
        this.owners = owners;
        this.access = access;
        this.audit = audit;
    }

    /** Everything held about the citizen: table name to rows, as stored. */
    Map<String, List<Map<String, Object>>> export(long id) throws SQLException {
        load(id, AuditAction.EXPORT);
        Map<String, List<Map<String, Object>>> tables = records.export(id);
        if (tables.isEmpty()) {
            throw ApiException.notFound("Citizen", id);
        }
        return tables;
    }

    /** The citizen and everything derived from their data; the audit trail (ids only) stays. */
    void erase(long id) throws SQLException {
        load(id, AuditAction.ERASE);
        if (!records.erase(id)) {
            throw ApiException.notFound("Citizen", id);
        }
        erasures.publishEvent(new CitizenErased(id));
    }

    /**
     * Who saw the citizen's data. The trail outlives an erasure (it holds ids only), so it is read whether or not
     * the citizen still exists; reading it is audited like any read while the citizen does.
     */
    public List<AuditEntry> trail(long id) {
        owners.citizenJobcentre(id).ifPresent(jobcentre -> access.citizen(id, jobcentre, AuditAction.READ));
        return audit.of(id);
    }

    private void load(long id, AuditAction action) {
        String jobcentre = owners.citizenJobcentre(id).orElseThrow(() -> ApiException.notFound("Citizen", id));
        access.citizen(id, jobcentre, action);
    }
}
