package dk.jobbro.rematch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;
import java.time.ZoneId;

/** The nightly run's settings (config/rematch.yml), checked at start-up. */
@ConfigurationProperties("jobbro.rematch")
record RematchSettings(@Bindable(defaultValue = "0 0 2 * * *") String cron,
                       @Bindable(defaultValue = "Europe/Copenhagen") String zone,
                       @Bindable(defaultValue = "20") int topN,
                       @Bindable(defaultValue = "10") int spareCandidates,
                       @Bindable(defaultValue = "10") int fatigueCap,
                       @Bindable(defaultValue = "500") int chunkSize,
                       @Bindable(defaultValue = "true") boolean jobEngineEnabled,
                       @Bindable(defaultValue = "2") int threads,
                       @Bindable(defaultValue = "10s") Duration pollingInterval,
                       @Bindable(defaultValue = "30s") Duration heartbeatInterval,
                       @Bindable(defaultValue = "5s") Duration progressLogInterval) {

    RematchSettings {
        if (topN < 1 || topN > 200 || spareCandidates < 0 || fatigueCap < 1 || chunkSize < 1 || threads < 1) {
            throw new IllegalStateException("jobbro.rematch: top-n must be 1..200, fatigue-cap, chunk-size and threads"
                    + " at least 1, spare-candidates at least 0 (config/rematch.yml)");
        }
        ZoneId.of(zone); // fails at start-up on an unknown zone
    }

    ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** Candidates matched per citizen before the fatigue cap chooses top-n of them. */
    int candidatesPerCitizen() {
        return topN + spareCandidates;
    }
}
