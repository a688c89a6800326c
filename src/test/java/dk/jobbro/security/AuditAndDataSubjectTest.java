package dk.jobbro.security;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit trail, export and erasure of a citizen's data, and retention of the trail, through HTTP and SQL. */
@MicronautTest(transactional = false)
class AuditAndDataSubjectTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Retention retention;

    @Inject
    AuditLog auditLog;

    @Inject
    AuditRepository auditEntries;

    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String dbUser;
    @Value("${datasources.default.password}")
    String dbPassword;

    Api admin;
    Api consultant;
    long employer;
    long posting;

    @BeforeEach
    void setUp() {
        admin = new Api(client).as(TestIdentityProvider.admin());
        consultant = new Api(client).as(TestIdentityProvider.token("konsulent-7", "CONSULTANT",
                Map.of("jobcentres", List.of("Aarhus"))));
        employer = admin.id(admin.post("/api/v1/employers", World.employer("Audit ApS", AuthorisationMatrixTest.cvr())));
        posting = admin.id(admin.post("/api/v1/postings", World.posting(employer).build()));
    }

    @Test
    void everyReadAndChangeOfACitizensDataIsAuditedWithWhoWhenWhatAndWhereButNoValues() {
        Map<String, Object> created = consultant.post("/api/v1/citizens", World.citizen().set("name", "Birthe Hemmelig").build());
        long id = consultant.id(created);
        consultant.get("/api/v1/citizens/" + id);
        consultant.put("/api/v1/citizens/" + id + "/circumstances",
                World.circumstances(World.circumstance("SUBSTANCE_USE", "SEVERE", false)));
        consultant.get("/api/v1/citizens/" + id + "/matches");
        consultant.get("/api/v1/postings/" + posting + "/candidates");
        new Api(client).as(TestIdentityProvider.consultant("Odense"))
                .fails(HttpRequest.GET("/api/v1/citizens/" + id), HttpStatus.NOT_FOUND);

        List<Map<String, Object>> trail = admin.getList("/api/v1/citizens/" + id + "/audit");
        List<String> seen = trail.stream().map(e -> e.get("action") + " " + e.get("endpoint")).toList();
        assertEquals(List.of(
                "CREATE POST /api/v1/citizens",
                "READ GET /api/v1/citizens/{id}",
                "CHANGE PUT /api/v1/citizens/{id}/circumstances",
                "READ GET /api/v1/citizens/{id}/matches",
                "READ GET /api/v1/postings/{id}/candidates",
                "DENIED GET /api/v1/citizens/{id}"), seen);
        Map<String, Object> first = trail.get(0);
        assertEquals("konsulent-7", first.get("subject"));
        assertEquals("CONSULTANT", first.get("role"));
        assertTrue(first.get("occurredAt") != null);
        String all = trail.toString();
        assertFalse(all.contains("Hemmelig") || all.contains("SUBSTANCE") || all.contains("SEVERE"), all);
    }

    @Test
    void theAuditTrailIsAppendOnlyAndOnlyAdministratorsReadIt() throws SQLException {
        long id = consultant.id(consultant.post("/api/v1/citizens", World.citizen().build()));
        consultant.fails(HttpRequest.GET("/api/v1/citizens/" + id + "/audit"), HttpStatus.FORBIDDEN);
        SQLException refused = assertThrows(SQLException.class, () -> sql("UPDATE audit_entry SET subject = 'x'"));
        assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        assertEquals("konsulent-7", admin.getList("/api/v1/citizens/" + id + "/audit").get(0).get("subject"));
    }

    @Test
    void anExportHoldsEverythingAboutTheCitizenAndNothingAboutOthers() {
        long id = consultant.id(consultant.post("/api/v1/citizens", World.citizen().set("name", "Eksport Person").build()));
        long other = consultant.id(consultant.post("/api/v1/citizens", World.citizen().set("name", "Anden Person").build()));
        consultant.put("/api/v1/citizens/" + id + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        consultant.post("/api/v1/citizens/" + id + "/not-for",
                Map.of("employerId", employer, "reason", "konflikt"));
        Map<String, Object> export = admin.get("/api/v1/citizens/" + id + "/export");
        Map<?, ?> records = (Map<?, ?>) export.get("records");
        for (String table : List.of("citizen", "citizen_circumstance", "flag_evaluation", "not_for_citizen", "audit_entry")) {
            assertFalse(((List<?>) records.get(table)).isEmpty(), table + " in " + records.keySet());
        }
        String text = export.toString();
        assertTrue(text.contains("Eksport Person") && text.contains("HOUSING"));
        assertFalse(text.contains("Anden Person"));
        admin.fails(HttpRequest.GET("/api/v1/citizens/" + (other + 1000) + "/export"), HttpStatus.NOT_FOUND);
    }

    @Test
    void anErasedCitizenCannotBeFoundThroughTheApiOrInAnyTableButTheErasureIsAudited() throws SQLException {
        String name = "Slettes Fuldstændig " + System.nanoTime();
        long id = consultant.id(consultant.post("/api/v1/citizens", World.citizen().set("name", name).build()));
        consultant.put("/api/v1/citizens/" + id + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        consultant.postAction("/api/v1/citizens/" + id + "/flags/acknowledge", Map.of());
        consultant.post("/api/v1/citizens/" + id + "/not-for",
                Map.of("occupationCode", "432210", "reason", "ikke planlægning"));
        assertTrue(String.valueOf(consultant.get("/api/v1/postings/" + posting + "/candidates")).contains(name));

        admin.delete("/api/v1/citizens/" + id);

        admin.fails(HttpRequest.GET("/api/v1/citizens/" + id), HttpStatus.NOT_FOUND);
        admin.fails(HttpRequest.GET("/api/v1/citizens/" + id + "/matches"), HttpStatus.NOT_FOUND);
        admin.fails(HttpRequest.GET("/api/v1/citizens/" + id + "/export"), HttpStatus.NOT_FOUND);
        admin.fails(HttpRequest.DELETE("/api/v1/citizens/" + id), HttpStatus.NOT_FOUND);
        assertFalse(String.valueOf(admin.getList("/api/v1/citizens?size=200")).contains(name));
        assertFalse(String.valueOf(admin.get("/api/v1/postings/" + posting + "/candidates")).contains(name));
        assertFalse(String.valueOf(admin.get("/api/v1/worklist?jobcentre=Aarhus")).contains(name));
        assertEquals(List.of(), rowsMentioning(id, name));
        List<Map<String, Object>> trail = admin.getList("/api/v1/citizens/" + id + "/audit");
        assertTrue(trail.stream().anyMatch(e -> "ERASE".equals(e.get("action"))), trail.toString());
    }

    @Test
    void auditEntriesOlderThanTheRetentionPeriodArePurgedAndYoungerOnesKept() {
        long id = consultant.id(consultant.post("/api/v1/citizens", World.citizen().build()));
        consultant.get("/api/v1/citizens/" + id);
        int before = admin.getList("/api/v1/citizens/" + id + "/audit").size();
        Instant now = Instant.now();
        Retention.Purged early = retention.purge(Clock.fixed(now.plus(Duration.ofDays(1825)), ZoneOffset.UTC));
        assertTrue(admin.getList("/api/v1/citizens/" + id + "/audit").size() >= before, "kept within five years");
        Retention.Purged late = retention.purge(Clock.fixed(now.plus(Duration.ofDays(1828)), ZoneOffset.UTC));
        assertTrue(late.auditEntries() >= before, late.toString());
        assertTrue(late.auditEntriesBefore().isAfter(early.auditEntriesBefore()));
        // Nothing is left; a listing is audited after it answers, so the next one shows the previous listing only.
        assertEquals(List.of(), admin.getList("/api/v1/citizens/" + id + "/audit"));
        assertEquals(List.of("READ GET /api/v1/citizens/{id}/audit"), admin.getList("/api/v1/citizens/" + id + "/audit")
                .stream().map(e -> e.get("action") + " " + e.get("endpoint")).toList());
    }

    @Test
    void citizensListedOutsideARequestAreAuditedOneRowEachAsARowWrittenAlone() {
        long first = 9_000_000_001L;
        long second = 9_000_000_002L;
        long alone = 9_000_000_003L;
        Instant before = Instant.now().minusSeconds(1);
        auditLog.recordAll(Caller.INTERNAL, AuditAction.READ, List.of(first, second));
        auditLog.record(Caller.INTERNAL, AuditAction.READ, alone);
        Instant after = Instant.now().plusSeconds(1);
        AuditEntry reference = auditEntries.findByCitizenIdOrderById(alone).getFirst();
        for (long id : List.of(first, second)) {
            List<AuditEntry> rows = auditEntries.findByCitizenIdOrderById(id);
            assertEquals(1, rows.size(), rows.toString());
            AuditEntry e = rows.getFirst();
            assertEquals(List.of(reference.subject(), reference.role(), reference.action(), reference.endpoint(),
                    reference.status()), List.of(e.subject(), e.role(), e.action(), e.endpoint(), e.status()));
            assertTrue(!e.occurredAt().isBefore(before) && !e.occurredAt().isAfter(after),
                    "the same clock and time zone as a row written alone: " + e.occurredAt() + " vs "
                            + reference.occurredAt());
        }
    }

    /** Every row in every table that has the citizen's id in a citizen_id column or the name in any text column. */
    List<String> rowsMentioning(long citizenId, String name) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword)) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT table_name, column_name, data_type"
                    + " FROM information_schema.columns WHERE table_schema = DATABASE()")) {
                while (rows.next()) {
                    columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
                }
            }
            for (String[] c : columns) {
                boolean idColumn = c[1].equalsIgnoreCase("citizen_id") && !c[0].equalsIgnoreCase("audit_entry");
                boolean text = c[2].matches("(?i).*(char|text|json).*");
                if (!idColumn && !text) {
                    continue;
                }
                String sql = "SELECT COUNT(*) FROM `" + c[0] + "` WHERE `" + c[1] + "` " + (idColumn ? "= ?" : "LIKE ?");
                try (PreparedStatement s = connection.prepareStatement(sql)) {
                    if (idColumn) {
                        s.setLong(1, citizenId);
                    } else {
                        s.setString(1, "%" + name + "%");
                    }
                    try (ResultSet r = s.executeQuery()) {
                        r.next();
                        if (r.getLong(1) > 0) {
                            found.add(c[0] + "." + c[1]);
                        }
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT COUNT(*) FROM citizen WHERE id = ?")) {
                s.setLong(1, citizenId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) > 0) {
                        found.add("citizen.id");
                    }
                }
            }
        }
        return found;
    }

    void sql(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword)) {
            connection.createStatement().executeUpdate(statement);
        }
    }
}
