package dk.jobbro.flagging;

import dk.jobbro.db.MultiRowInsert;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.List;

/**
 * The nightly run's evaluations written with multi-row inserts ({@link MultiRowInsert}) in the caller's transaction
 * (or one of their own): {@code saveAll} sent one insert per row. The columns and the JSON are
 * {@link FlagEvaluationRow}'s, written by the same mapper Micronaut Data uses for its JSON columns, so a row written
 * here reads back like one saved by the repository (FlagsApiTest).
 */
@Singleton
class FlagEvaluationBatch {

    private static final List<String> COLUMNS = List.of("citizen_id", "evaluated_at", "trigger_event",
            "ruleset_version", "inputs", "result", "flagged", "urgency");

    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;

    FlagEvaluationBatch(TransactionOperations<Connection> transactions, JsonMapper json) {
        this.transactions = transactions;
        this.json = json;
    }

    void insertAll(List<FlagEvaluationRow> rows) {
        transactions.executeWrite(status -> {
            MultiRowInsert.insert(status.getConnection(), "flag_evaluation", COLUMNS, rows, (s, i, r) -> {
                s.setLong(i++, r.citizenId());
                s.setTimestamp(i++, Timestamp.from(r.evaluatedAt()));
                s.setString(i++, r.triggerEvent().name());
                s.setString(i++, r.rulesetVersion());
                s.setString(i++, write(r.inputs()));
                s.setString(i++, write(r.result()));
                s.setBoolean(i++, r.flagged());
                s.setString(i++, r.urgency() == null ? null : r.urgency().name());
                return i;
            });
            return null;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
