package dk.jobbro.taxonomy;

/** The taxonomy in memory was replaced by a new version (after an import); derived data should follow. */
public record TaxonomyChanged(int occupations, int skills) {
}
