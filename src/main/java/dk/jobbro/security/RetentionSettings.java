package dk.jobbro.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** How long records kept for accountability live (config/retention.yml). */
@ConfigurationProperties("jobbro.retention")
record RetentionSettings(@Bindable(defaultValue = "1826d") Duration auditEntries,
                         @Bindable(defaultValue = "90d") Duration matchSnapshots) {

    RetentionSettings {
        if (auditEntries.isNegative() || auditEntries.isZero() || matchSnapshots.isNegative() || matchSnapshots.isZero()) {
            throw new IllegalStateException("jobbro.retention periods must be positive durations, e.g. 1826d");
        }
    }
}
