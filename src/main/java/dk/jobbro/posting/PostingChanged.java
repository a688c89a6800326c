package dk.jobbro.posting;

/** Published after a transaction that changed a posting commits; the search index follows it. */
public record PostingChanged(long postingId) {
}
