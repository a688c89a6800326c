package dk.jobbro.taxonomy;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What one ESCO import wrote: distinct ISCO groups, occupations and skills (whatever the number of languages),
 * relation and broader-relation rows, and rows left out (their reasons are in the log). Importing the same
 * files again gives the same counts.
 */
@Serdeable
public record EscoImportResult(List<String> languages, int iscoGroups, int occupations, int skills,
                               int relations, int broaderRelations, int skipped, long millis) {
}
