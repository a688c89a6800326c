package dk.jobbro.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

/**
 * The posting index as metrics: how many documents searches see, and how long ago searches last caught up with the
 * writes (near-real-time: normally well under a second; a growing age means refreshes stopped).
 */
@Singleton
@Requires(bean = MeterRegistry.class)
final class IndexMetrics {

    private final PostingIndex index;
    private final MeterRegistry registry;

    IndexMetrics(PostingIndex index, MeterRegistry registry) {
        this.index = index;
        this.registry = registry;
    }

    @EventListener
    void bind(StartupEvent event) {
        Gauge.builder("jobbro.index.documents", index, PostingIndex::documentCount)
                .description("Postings in the index that searches see").register(registry);
        Gauge.builder("jobbro.index.refresh.age", index, i -> (System.currentTimeMillis() - i.refreshedAtMillis()) / 1000.0)
                .baseUnit("seconds").description("Seconds since searches last saw every change").register(registry);
    }
}
