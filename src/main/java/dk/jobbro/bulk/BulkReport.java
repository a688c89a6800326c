package dk.jobbro.bulk;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a bulk call did, row by row: how many rows were read, stored and refused, the id given to each stored row,
 * and each problem of a refused row ({@code row}, {@code field}, {@code reason}; fields named as the format names
 * them: a JSON path for NDJSON, a column for CSV). At most {@link #LISTED} problems are listed, {@code errorCount}
 * counts them all. Values are never echoed back.
 */
@Serdeable
public record BulkReport(String format, int rows, int stored, int failed, List<StoredRow> ids,
                         List<RowError> errors, int errorCount, String summary) {

    static final int LISTED = 1_000;

    @Serdeable
    public record StoredRow(int row, long id) {
    }

    @Serdeable
    public record RowError(int row, String field, String reason) {
    }

    static String summary(String what, int rows, int stored) {
        int failed = rows - stored;
        return stored + " af " + rows + " rækker gemt som " + what
                + (failed == 0 ? "." : "; " + failed + (failed == 1 ? " række afvist" : " rækker afvist")
                + " (se errors).");
    }
}
