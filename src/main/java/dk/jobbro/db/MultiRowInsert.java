package dk.jobbro.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Rows appended with multi-row {@code INSERT}s of up to {@value #ROWS_PER_INSERT} rows each, on the caller's connection
 * (and so in its transaction). A JDBC batch of single-row inserts, and Micronaut Data's {@code saveAll}, cost MariaDB
 * one round trip per row: 300,000 nightly flag evaluations were most of the nightly run's prepare
 * (docs/measurements.md, round five).
 */
public final class MultiRowInsert {

    public static final int ROWS_PER_INSERT = 500;

    private MultiRowInsert() {
    }

    /** Binds one row's values from parameter index {@code at} on; returns the index after its last value. */
    @FunctionalInterface
    public interface Binder<T> {
        int bind(PreparedStatement s, int at, T row) throws SQLException;
    }

    /** Inserts {@code rows} into {@code table}'s {@code columns}, each row's values bound by {@code binder}. */
    public static <T> void insert(Connection c, String table, List<String> columns, List<T> rows, Binder<T> binder)
            throws SQLException {
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        String values = "(" + String.join(",", Collections.nCopies(columns.size(), "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            try (PreparedStatement s = c.prepareStatement(head + String.join(",", Collections.nCopies(part.size(),
                    values)))) {
                int at = 1;
                for (T row : part) {
                    at = binder.bind(s, at, row);
                }
                s.executeUpdate();
            }
        }
    }
}
