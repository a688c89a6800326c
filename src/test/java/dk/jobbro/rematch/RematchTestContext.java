package dk.jobbro.rematch;

import io.micronaut.context.DefaultApplicationContextBuilder;
import io.micronaut.context.env.PropertySource;

import java.util.Map;

/**
 * Small-world settings for the nightly run's tests, above config/rematch.yml (whose property source has order 100,
 * so a test's {@code @Property} would not reach it): chunks of 2, top 3, fatigue cap 2, fast polling and heartbeats.
 */
public class RematchTestContext extends DefaultApplicationContextBuilder {

    static final Map<String, Object> SETTINGS = Map.of(
            "jobbro.rematch.chunk-size", 2,
            "jobbro.rematch.top-n", 3,
            "jobbro.rematch.spare-candidates", 2,
            "jobbro.rematch.fatigue-cap", 2,
            "jobbro.rematch.polling-interval", "200ms",
            "jobbro.rematch.heartbeat-interval", "1s");

    public RematchTestContext() {
        propertySources(PropertySource.of("rematch-test", SETTINGS, 200));
    }
}
