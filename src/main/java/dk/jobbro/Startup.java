package dk.jobbro;

import dk.jobbro.demo.DemoData;
import dk.jobbro.flagging.FlagService;
import dk.jobbro.search.CitizenIndexer;
import dk.jobbro.search.PostingIndexer;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * Start-up in a fixed order: taxonomy before the indexes (documents carry labels), postings before citizens, the
 * indexes and the flag rule set before demo data.
 */
@Singleton
final class Startup {

    private final Taxonomy taxonomy;
    private final PostingIndexer indexer;
    private final CitizenIndexer citizenIndexer;
    private final FlagService flags;
    private final DemoData demo;

    Startup(Taxonomy taxonomy, PostingIndexer indexer, CitizenIndexer citizenIndexer, FlagService flags,
            DemoData demo) {
        this.citizenIndexer = citizenIndexer;
        this.taxonomy = taxonomy;
        this.indexer = indexer;
        this.flags = flags;
        this.demo = demo;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        taxonomy.load();
        indexer.ensureCurrent();
        citizenIndexer.ensureCurrent();
        flags.recordRuleset();
        demo.loadIfEmpty();
    }
}
