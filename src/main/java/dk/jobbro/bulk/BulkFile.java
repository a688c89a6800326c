package dk.jobbro.bulk;

import dk.jobbro.csv.CsvFormatException;
import dk.jobbro.csv.CsvReader;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.FieldErrors;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bulk body split into rows, each the JSON object of one single request: NDJSON (one object a line, blank lines
 * skipped) or CSV with the documented header ({@link BulkColumns}; {@code ;} or {@code ,} as found in the header
 * line). Rows are numbered as the client counts them: the NDJSON line, the CSV record (1 is the first after the
 * header). The whole body is at most the server's request size (1 MB) and {@link #MAX_ROWS} rows.
 */
record BulkFile(Format format, List<Row> rows) {

    /** More rows than this in one call are refused before anything is stored: split the file. */
    static final int MAX_ROWS = 10_000;

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

    enum Format { NDJSON, CSV }

    /** One row: its number, and the JSON request it stands for. */
    record Row(int number, byte[] json) {
    }

    static BulkFile ndjson(byte[] body) {
        List<Row> rows = new ArrayList<>();
        int line = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                line++;
                int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                if (!blank(body, start, end)) {
                    if (rows.size() == MAX_ROWS) {
                        throw tooMany();
                    }
                    rows.add(new Row(line, Arrays.copyOfRange(body, start, end)));
                }
                start = i + 1;
            }
        }
        return new BulkFile(Format.NDJSON, rows);
    }

    static BulkFile csv(byte[] body, BulkColumns columns, JsonMapper mapper) {
        String text = new String(body, StandardCharsets.UTF_8);
        int firstLineEnd = text.indexOf('\n');
        String headerLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char delimiter = headerLine.indexOf(';') >= 0 ? ';' : ',';
        List<Row> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body),
                StandardCharsets.UTF_8)), delimiter)) {
            Optional<List<String>> first = csv.next();
            if (first.isEmpty()) {
                throw ApiException.badRequest("body", "is empty; the first line is the header: "
                        + String.join(";", columns.names()));
            }
            List<BulkColumns.Column> header = header(first.get(), columns);
            Optional<List<String>> record;
            int number = 0;
            while ((record = csv.next()).isPresent()) {
                number++;
                if (number > MAX_ROWS) {
                    throw tooMany();
                }
                rows.add(new Row(number, mapper.writeValueAsBytes(columns.toJson(header, record.get()))));
            }
        } catch (CsvFormatException e) {
            // The reader names the line and what is wrong, never the content.
            throw ApiException.badRequest("body", "is not valid CSV: " + e.getMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("body", "cannot be read as CSV");
        }
        return new BulkFile(Format.CSV, rows);
    }

    /** Every header cell must be a documented column, once: a misspelt column would silently lose its data. */
    private static List<BulkColumns.Column> header(List<String> cells, BulkColumns columns) {
        FieldErrors errors = new FieldErrors();
        List<BulkColumns.Column> header = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i).strip();
            BulkColumns.Column c = columns.column(name);
            if (c == null) {
                errors.add("header[" + i + "]" + (SAFE_NAME.matcher(name).matches() ? " " + name : ""),
                        "is not a known column; the columns are " + String.join(";", columns.names()));
            } else if (header.contains(c)) {
                errors.add("header[" + i + "] " + name, "is given more than once");
            }
            header.add(c);
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The CSV header is not the documented one", errors);
        }
        return header;
    }

    private static boolean blank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            if (body[i] != ' ' && body[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static ApiException tooMany() {
        return ApiException.badRequest("body", "has more than " + MAX_ROWS + " rows; split it into several calls");
    }
}
