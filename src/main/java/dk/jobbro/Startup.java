package dk.jobbro;

import dk.jobbro.demo.DemoData;
import dk.jobbro.search.PostingIndexer;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/** Start-up in a fixed order: taxonomy before the index (documents carry labels), the index before demo data. */
@Singleton
final class Startup {

    private final Taxonomy taxonomy;
    private final PostingIndexer indexer;
    private final DemoData demo;

    Startup(Taxonomy taxonomy, PostingIndexer indexer, DemoData demo) {
        this.taxonomy = taxonomy;
        this.indexer = indexer;
        this.demo = demo;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        taxonomy.load();
        indexer.ensureCurrent();
        demo.loadIfEmpty();
    }
}
