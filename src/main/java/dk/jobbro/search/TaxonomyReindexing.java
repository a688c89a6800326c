package dk.jobbro.search;

import dk.jobbro.taxonomy.TaxonomyChanged;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Posting documents carry occupation and skill labels, so a new taxonomy means a new index. Runs in the
 * importer's thread: when the import call returns, searches already see the new labels.
 */
@Singleton
final class TaxonomyReindexing {

    private final PostingIndexer indexer;

    TaxonomyReindexing(PostingIndexer indexer) {
        this.indexer = indexer;
    }

    @EventListener
    void onTaxonomyChanged(TaxonomyChanged event) {
        indexer.rebuild();
    }
}
