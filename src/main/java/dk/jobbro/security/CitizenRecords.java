package dk.jobbro.security;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Everything the database holds about one citizen: the {@code citizen} row and every row of every table with a
 * {@code citizen_id} column, found in the schema at run time, so tables added later (by other capabilities) are
 * exported and erased without a change here. The audit trail is exported but never erased: it holds only ids and
 * proves who saw the data, the erasure included.
 */
@Singleton
class CitizenRecords {

    static final String AUDIT_TABLE = "audit_entry";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9_]{1,64}");

    private final DataSource dataSource;
    private final JsonMapper json;

    CitizenRecords(DataSource dataSource, JsonMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Table name to rows, {@code citizen} first; empty when the citizen does not exist. */
    @Connectable
    Map<String, List<Map<String, Object>>> export(long citizenId) throws SQLException {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<Map<String, Object>> citizen = rows(connection, "SELECT * FROM citizen WHERE id = ?", citizenId);
            if (citizen.isEmpty()) {
                return Map.of();
            }
            tables.put("citizen", citizen);
            for (String table : tablesWithCitizenId(connection)) {
                tables.put(table, rows(connection, "SELECT * FROM " + table + " WHERE citizen_id = ? ORDER BY 1",
                        citizenId));
            }
        }
        return tables;
    }

    /** Deletes the citizen and every row about them except the audit trail; false when there was no such citizen. */
    @Transactional
    boolean erase(long citizenId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>(tablesWithCitizenId(connection));
            tables.remove(AUDIT_TABLE);
            // Children before parents: retry the tables a foreign key held back until a pass deletes nothing new.
            for (int pass = 0; pass <= tables.size() && !tables.isEmpty(); pass++) {
                List<String> left = new ArrayList<>();
                for (String table : tables) {
                    try (PreparedStatement delete = connection.prepareStatement(
                            "DELETE FROM " + table + " WHERE citizen_id = ?")) {
                        delete.setLong(1, citizenId);
                        delete.executeUpdate();
                    } catch (SQLException heldBack) {
                        left.add(table);
                    }
                }
                tables = left;
            }
            if (!tables.isEmpty()) {
                throw new SQLException("Cannot erase from " + tables);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM citizen WHERE id = ?")) {
                delete.setLong(1, citizenId);
                return delete.executeUpdate() == 1;
            }
        }
    }

    private static List<String> tablesWithCitizenId(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISTINCT table_name FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE() AND column_name = 'citizen_id' ORDER BY table_name")) {
            while (rows.next()) {
                String table = rows.getString(1).toLowerCase(java.util.Locale.ROOT);
                if (TABLE_NAME.matcher(table).matches()) { // names go into SQL text: only plain ones
                    tables.add(table);
                }
            }
        }
        return tables;
    }

    private List<Map<String, Object>> rows(Connection connection, String sql, long id) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), value(rows.getObject(i)));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** JSON columns come back as text: give them back as JSON; dates and times as ISO text. */
    private Object value(Object raw) {
        if (raw == null || raw instanceof Number || raw instanceof Boolean) {
            return raw;
        }
        String text = raw.toString();
        if (raw instanceof String s && (s.startsWith("[") || s.startsWith("{"))) {
            try {
                return json.readValue(s, Object.class);
            } catch (IOException notJson) {
                return s;
            }
        }
        return text;
    }
}
