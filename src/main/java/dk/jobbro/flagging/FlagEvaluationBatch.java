package dk.jobbro.flagging;

import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;

/**
 * The nightly run's evaluations written with multi-row inserts in the caller's transaction (or one of their own):
 * {@code saveAll} sent one insert per row, so 300,000 nightly evaluations were 300,000 round trips and most of the
 * run's prepare (docs/measurements.md, round five). The columns and the JSON are {@link FlagEvaluationRow}'s, written
 * by the same mapper Micronaut Data uses for its JSON columns, so a row written here reads back like one saved by the
 * repository (FlagsApiTest).
 */
@Singleton
class FlagEvaluationBatch {

    private static final int ROWS_PER_INSERT = 500;

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    FlagEvaluationBatch(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    void insertAll(List<FlagEvaluationRow> rows) {
        transactions.executeWrite(status -> {
            Connection c = status.getConnection();
            for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
                insert(c, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
            }
            return null;
        });
    }

    private void insert(Connection c, List<FlagEvaluationRow> part) throws SQLException {
        String sql = "INSERT INTO flag_evaluation (citizen_id, evaluated_at, trigger_event, ruleset_version, inputs,"
                + " result, flagged, urgency) VALUES "
                + String.join(",", Collections.nCopies(part.size(), "(?,?,?,?,?,?,?,?)"));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (FlagEvaluationRow r : part) {
                s.setLong(i++, r.citizenId());
                s.setTimestamp(i++, Timestamp.from(r.evaluatedAt()));
                s.setString(i++, r.triggerEvent().name());
                s.setString(i++, r.rulesetVersion());
                s.setString(i++, write(r.inputs()));
                s.setString(i++, write(r.result()));
                s.setBoolean(i++, r.flagged());
                s.setString(i++, r.urgency() == null ? null : r.urgency().name());
            }
            s.executeUpdate();
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
