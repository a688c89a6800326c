package dk.jobbro;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The one clock: every "today" and timestamp in Jobbro comes from here, so tests can fix time. */
@Factory
final class ClockFactory {

    @Singleton
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
