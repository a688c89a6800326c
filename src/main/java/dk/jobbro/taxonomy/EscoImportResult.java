package dk.jobbro.taxonomy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What one ESCO import wrote: distinct ISCO groups, occupations and skills (whatever the number of languages),
 * relation and broader-relation rows, and rows left out: their number and every one of them with its file, line
 * and reason. Importing the same files again gives the same counts.
 */
@Serdeable
public record EscoImportResult(List<String> languages, int iscoGroups, int occupations, int skills,
                               int relations, int broaderRelations, int skipped, long millis,
                               List<SkippedRow> skippedRows) {

    /** A row the import left out: the file's name, its line (1 = the header) and why. */
    @Serdeable
    public record SkippedRow(String file, long line, String reason) {
    }
}
