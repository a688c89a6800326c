package dk.jobbro.security;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the audit trail of every access to a citizen's data, as {@link Access} decides it. Inside an HTTP request
 * the entries are collected and written by {@link AuditTrailFilter} once the answer's status is known, outside the
 * request's transactions, so a refused or failed change is still recorded; outside a request they are written at
 * once. One request records each citizen once, with the weightiest action (an erasure over the read before it).
 */
@Singleton
public class AuditLog {

    static final String PENDING = "jobbro.audit.pending";
    private static final int MAX_SUBJECT = 200;
    private static final int MAX_ENDPOINT = 200;

    private final AuditRepository entries;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;

    AuditLog(AuditRepository entries, Clock clock, TransactionOperations<Connection> transactions) {
        this.entries = entries;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** One request's accesses, by citizen id: the weightiest action per citizen, refusals kept apart. */
    static final class Pending {
        private final Map<Long, AuditAction> granted = new LinkedHashMap<>();
        private final Map<Long, AuditAction> denied = new LinkedHashMap<>();
        private Caller caller;

        synchronized void add(Caller who, AuditAction action, long citizenId) {
            caller = who;
            if (action == AuditAction.DENIED) {
                denied.put(citizenId, action);
            } else {
                granted.merge(citizenId, action, (a, b) -> weight(a) >= weight(b) ? a : b);
            }
        }

        private static int weight(AuditAction action) {
            return switch (action) {
                case READ -> 0;
                case CREATE -> 1;
                case CHANGE -> 2;
                case EXPORT -> 3;
                case ERASE -> 4;
                case DENIED -> 5;
            };
        }
    }

    void record(Caller caller, AuditAction action, long citizenId) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isPresent()) {
            pending(request.get()).add(caller, action, citizenId);
        } else {
            entries.save(entry(caller, action, citizenId, "internal", 200));
        }
    }

    void recordAll(Caller caller, AuditAction action, Collection<Long> citizenIds) {
        if (ServerRequestContext.currentRequest().isPresent()) {
            for (long id : citizenIds) {
                record(caller, action, id);
            }
        } else {
            // One JDBC batch in one transaction: the nightly run reads its citizens a chunk at a time, and saveAll
            // sent one insert and one commit per row (20 rows were 3-4 ms of a candidate search).
            insertAll(citizenIds.stream().map(id -> entry(caller, action, id, "internal", 200)).toList());
        }
    }

    /** Appends rows in one batch and one transaction (or the caller's). The columns are {@link AuditEntry}'s. */
    private void insertAll(List<AuditEntry> rows) {
        transactions.executeWrite(status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement("INSERT INTO audit_entry"
                    + " (occurred_at, subject, role, action, citizen_id, endpoint, status) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEntry e : rows) {
                    ps.setTimestamp(1, Timestamp.from(e.occurredAt()));
                    ps.setString(2, e.subject());
                    ps.setString(3, e.role());
                    ps.setString(4, e.action().name());
                    ps.setLong(5, e.citizenId());
                    ps.setString(6, e.endpoint());
                    ps.setInt(7, e.status());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Whether the request reached a citizen's data: most requests did not, and open no transaction for it. */
    boolean hasPending(HttpRequest<?> request) {
        return request.getAttribute(PENDING, Pending.class).isPresent();
    }

    /** Writes what the request collected, with its answer's status (refusals with 404); called once per request. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void flush(HttpRequest<?> request, int status) {
        Pending pending = request.getAttribute(PENDING, Pending.class).orElse(null);
        if (pending == null) {
            return;
        }
        request.removeAttribute(PENDING, Pending.class);
        String endpoint = endpoint(request);
        List<AuditEntry> rows = new ArrayList<>();
        synchronized (pending) {
            pending.granted.forEach((id, action) -> rows.add(entry(pending.caller, action, id, endpoint, status)));
            pending.denied.forEach((id, action) -> rows.add(entry(pending.caller, action, id, endpoint, 404)));
        }
        entries.saveAll(rows);
    }

    List<AuditEntry> of(long citizenId) {
        return entries.findByCitizenIdOrderById(citizenId);
    }

    private static Pending pending(HttpRequest<?> request) {
        synchronized (request) {
            Optional<Pending> existing = request.getAttribute(PENDING, Pending.class);
            if (existing.isPresent()) {
                return existing.get();
            }
            Pending created = new Pending();
            request.setAttribute(PENDING, created);
            return created;
        }
    }

    private AuditEntry entry(Caller caller, AuditAction action, long citizenId, String endpoint, int status) {
        return new AuditEntry(null, clock.instant(), cut(caller.subject(), MAX_SUBJECT), caller.role().name(), action,
                citizenId, cut(endpoint, MAX_ENDPOINT), status);
    }

    /** Method and route template ({@code GET /api/v1/citizens/{id}}): the path as spelled and the query never. */
    static String endpoint(HttpRequest<?> request) {
        return request.getMethodName() + " " + BasicHttpAttributes.getUriTemplate(request).orElse("(no route)");
    }

    private static String cut(String value, int max) {
        String v = value == null ? "" : value;
        return v.length() <= max ? v : v.substring(0, max);
    }
}
