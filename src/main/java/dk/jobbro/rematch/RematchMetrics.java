package dk.jobbro.rematch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;

import java.util.function.ToDoubleFunction;

/**
 * The nightly run's progress as metrics: citizens done and in all, failures and citizens per second of the run under
 * way (all 0 when none runs). Read from the database at each scrape, so every replica reports the same run.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
final class RematchMetrics {

    private final RematchRuns runs;
    private final MeterRegistry registry;

    RematchMetrics(RematchRuns runs, MeterRegistry registry) {
        this.runs = runs;
        this.registry = registry;
    }

    @EventListener
    void bind(StartupEvent event) {
        gauge("jobbro.rematch.citizens.done", "Citizens matched so far in the run under way", RematchRun::citizensDone);
        gauge("jobbro.rematch.citizens.all", "Citizens in the run under way", RematchRun::citizensTotal);
        gauge("jobbro.rematch.citizens.failed", "Citizens whose matching failed in the run under way", RematchRun::failed);
        gauge("jobbro.rematch.rate", "Citizens per second in the run under way", RematchRun::citizensPerSecond);
    }

    private void gauge(String name, String description, ToDoubleFunction<RematchRun> value) {
        Gauge.builder(name, runs, r -> r.running().map(value::applyAsDouble).orElse(0.0))
                .description(description).register(registry);
    }
}
