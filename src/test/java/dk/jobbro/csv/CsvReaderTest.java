package dk.jobbro.csv;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RFC 4180 as ESCO's files use it: quoted commas, quotes and line breaks inside fields. */
class CsvReaderTest {

    @Test
    void quotedFieldsKeepDelimitersDoubledQuotesAndLineBreaks() throws IOException {
        List<List<String>> records = read("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\"line 1\nline 2\r\nline 3\",,x\n", ',');
        assertEquals(List.of(List.of("a", "b, c", "say \"hi\""), List.of("line 1\nline 2\r\nline 3", "", "x")), records);
    }

    @Test
    void emptyFieldsAtTheEndOfARecordAreKept() throws IOException {
        assertEquals(List.of(List.of("a", "", "")), read("a,,\n", ','));
        assertEquals(List.of(List.of("a", "")), read("a,\"\"", ','));
    }

    @Test
    void aByteOrderMarkAndBlankLinesAreSkippedAndAnyLineEndWorks() throws IOException {
        assertEquals(List.of(List.of("h1", "h2"), List.of("1", "2"), List.of("3", "4")),
                read("\uFEFFh1;h2\r\n\r\n1;2\r3;4", ';'));
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheLineWhereTheRecordStarts() {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("a,b\nc,\"d\ne\n", ','));
        assertEquals("line 2: a quoted field is not closed", e.getMessage());
    }

    @Test
    void recordLinesCountLineBreaksInsideQuotedFields() throws IOException {
        CsvReader csv = new CsvReader(new BufferedReader(new StringReader("h\n\"a\nb\nc\"\nnext\n")), ',');
        csv.next();
        csv.next();
        assertTrue(csv.next().isPresent());
        assertEquals(5, csv.recordLine());
    }

    private static List<List<String>> read(String text, char delimiter) throws IOException {
        CsvReader csv = new CsvReader(new BufferedReader(new StringReader(text)), delimiter);
        List<List<String>> records = new ArrayList<>();
        Optional<List<String>> r;
        while ((r = csv.next()).isPresent()) {
            records.add(r.get());
        }
        return records;
    }
}
