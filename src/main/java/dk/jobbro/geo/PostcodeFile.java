package dk.jobbro.geo;

import dk.jobbro.csv.CsvFormatException;
import dk.jobbro.csv.CsvReader;
import dk.jobbro.web.Problem;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a postcode table: {@code postcode;name;latitude;longitude}, or the same comma-separated. A header is
 * optional; when present its names may be Danish or English ({@code postnr}, {@code navn}, {@code lat},
 * {@code lon}, ...) and in any order. With {@code ;} as separator a decimal comma is accepted, as Danish
 * spreadsheets write it.
 */
final class PostcodeFile {

    private static final int MAX_ERRORS = 10;
    private static final Map<String, Integer> HEADER_NAMES = Map.ofEntries(
            Map.entry("postcode", 0), Map.entry("postnr", 0), Map.entry("postnummer", 0), Map.entry("zip", 0),
            Map.entry("name", 1), Map.entry("navn", 1), Map.entry("city", 1), Map.entry("by", 1),
            Map.entry("latitude", 2), Map.entry("lat", 2), Map.entry("breddegrad", 2),
            Map.entry("longitude", 3), Map.entry("lon", 3), Map.entry("lng", 3), Map.entry("længdegrad", 3));

    private PostcodeFile() {
    }

    /** The rows by postcode (a later row wins), or the first errors by line number. */
    record Parsed(Map<String, Postcodes.Entry> entries, int rows, List<Problem.FieldError> errors) {
    }

    static Parsed read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(64 * 1024);
            String first = Optional.ofNullable(in.readLine()).orElse("");
            in.reset();
            char delimiter = first.contains(";") ? ';' : ',';
            return read(new CsvReader(in, delimiter), delimiter);
        }
    }

    private static Parsed read(CsvReader csv, char delimiter) throws IOException {
        Map<String, Postcodes.Entry> entries = new LinkedHashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        int[] columns = {0, 1, 2, 3};
        int rows = 0;
        boolean first = true;
        Optional<List<String>> next;
        try {
            while ((next = csv.next()).isPresent()) {
                List<String> record = next.get();
                if (first) {
                    first = false;
                    if (!record.get(0).strip().matches("\\d+")) {
                        Optional<int[]> header = header(record);
                        if (header.isEmpty()) {
                            errors.add(error(csv.recordLine(),
                                    "header must name postcode, name, latitude and longitude"));
                            break;
                        }
                        columns = header.get();
                        continue;
                    }
                }
                rows++;
                String problem = problem(record, columns, delimiter);
                if (problem == null) {
                    entries.put(field(record, columns[0]), new Postcodes.Entry(field(record, columns[0]),
                            field(record, columns[1]), new GeoPoint(number(field(record, columns[2]), delimiter),
                            number(field(record, columns[3]), delimiter))));
                } else if (errors.size() < MAX_ERRORS) {
                    errors.add(error(csv.recordLine(), problem));
                }
            }
        } catch (CsvFormatException e) {
            errors.add(new Problem.FieldError("file", e.getMessage()));
        }
        return new Parsed(entries, rows, errors);
    }

    private static Optional<int[]> header(List<String> record) {
        int[] columns = {-1, -1, -1, -1};
        for (int i = 0; i < record.size(); i++) {
            Integer role = HEADER_NAMES.get(record.get(i).strip().toLowerCase(Locale.ROOT));
            if (role != null && columns[role] < 0) {
                columns[role] = i;
            }
        }
        for (int c : columns) {
            if (c < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(columns);
    }

    /** Why a row is unusable, without its values (they are not echoed), or null when it is fine. */
    private static String problem(List<String> r, int[] columns, char delimiter) {
        if (!field(r, columns[0]).matches("\\d{4}")) {
            return "postcode must be 4 digits";
        }
        String name = field(r, columns[1]);
        if (name.isEmpty() || name.length() > 100) {
            return "name must be 1 to 100 characters";
        }
        double lat = number(field(r, columns[2]), delimiter);
        double lon = number(field(r, columns[3]), delimiter);
        if (Double.isNaN(lat) || lat < -90 || lat > 90) {
            return "latitude must be a number from -90 to 90";
        }
        if (Double.isNaN(lon) || lon < -180 || lon > 180) {
            return "longitude must be a number from -180 to 180";
        }
        return null;
    }

    private static String field(List<String> r, int i) {
        return i < r.size() ? r.get(i).strip() : "";
    }

    private static double number(String s, char delimiter) {
        try {
            return Double.parseDouble(delimiter == ';' ? s.replace(',', '.') : s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static Problem.FieldError error(long line, String reason) {
        return new Problem.FieldError("file", "line " + line + ": " + reason);
    }
}
