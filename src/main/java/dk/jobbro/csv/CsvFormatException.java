package dk.jobbro.csv;

/** A file that is not valid CSV, or lacks a column its reader needs; the message names the line or column. */
public final class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }
}
