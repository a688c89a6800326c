package dk.jobbro.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A streaming RFC 4180 reader: quoted fields may hold the delimiter, doubled quotes and line breaks (ESCO puts
 * newline-separated alternative labels in one quoted field). Holds one record at a time, so a file of any size
 * reads in constant memory. Line endings may be CRLF, LF or CR; a leading byte-order mark is skipped; blank
 * lines are skipped. Not thread-safe.
 */
public final class CsvReader implements Closeable {

    private final Reader in;
    private final char delimiter;
    private final StringBuilder field = new StringBuilder(64);
    private int pushedBack = -2;
    private long line = 1;
    private long recordLine;
    private boolean started;

    /** {@code in} should be buffered; the reader takes one character at a time. */
    public CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record, or empty at the end of the input. */
    public Optional<List<String>> next() throws IOException {
        while (true) {
            List<String> record = readRecord();
            if (record == null) {
                return Optional.empty();
            }
            if (record.size() > 1 || !record.get(0).isEmpty()) {
                return Optional.of(record);
            }
        }
    }

    /** The line on which the record last returned by {@link #next()} starts (1-based), for error messages. */
    public long recordLine() {
        return recordLine;
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> record = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean afterQuote = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException("line " + recordLine + ": a quoted field is not closed");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == delimiter) {
                record.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\n' || c == '\r' || c == -1) {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                }
                if (c != -1) {
                    line++;
                }
                record.add(field.toString());
                return record;
            } else if (c == '"' && field.isEmpty() && !afterQuote) {
                quoted = true;
            } else if (afterQuote) {
                throw new CsvFormatException("line " + line + ": text after a closing quote");
            } else {
                // A quote inside an unquoted field is kept as it is: lenient, as most writers are.
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pushedBack = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
