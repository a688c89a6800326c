package dk.jobbro.taxonomy;

/** A taxonomy with nothing loaded, for plain tests that map postings whose skills are named. */
public final class EmptyTaxonomy {

    private EmptyTaxonomy() {
    }

    public static Taxonomy create() {
        return new Taxonomy(null, "index/taxonomy");
    }
}
