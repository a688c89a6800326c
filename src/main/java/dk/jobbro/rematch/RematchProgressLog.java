package dk.jobbro.rematch;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A log line every few seconds (config/rematch.yml) while a run is under way: counts, rate and ETA, no citizen. */
@Singleton
class RematchProgressLog {

    private static final Logger LOG = LoggerFactory.getLogger(RematchProgressLog.class);

    private final RematchRuns runs;

    RematchProgressLog(RematchRuns runs) {
        this.runs = runs;
    }

    @Scheduled(fixedDelay = "${jobbro.rematch.progress-log-interval:5s}", initialDelay = "5s")
    void log() {
        runs.running().ifPresent(r -> LOG.info("Rematch run {} {}: {}/{} citizens, {} chunks of {}, {}/s, ETA {} s,"
                        + " {} failed", r.id(), r.state(), r.citizensDone(), r.citizensTotal(), r.chunksDone(),
                r.chunks(), r.citizensPerSecond(), r.etaSeconds() == null ? "?" : r.etaSeconds(), r.failed()));
    }
}
