package dk.jobbro.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column positions by name, from a header record, so that readers survive reordered or extra columns. */
public final class CsvHeader {

    private final Map<String, Integer> positions = new HashMap<>();

    public CsvHeader(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(header.get(i).strip(), i);
        }
    }

    /** Fails with a message naming the first missing column. */
    public CsvHeader require(String file, String... columns) {
        for (String column : columns) {
            if (!positions.containsKey(column)) {
                throw new CsvFormatException(file + " has no column " + column);
            }
        }
        return this;
    }

    public boolean has(String column) {
        return positions.containsKey(column);
    }

    /** The stripped value of {@code column} in {@code record}; empty when the column or the value is missing. */
    public String get(List<String> record, String column) {
        Integer i = positions.get(column);
        return i == null || i >= record.size() ? "" : record.get(i).strip();
    }
}
