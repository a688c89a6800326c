package dk.jobbro.rematch;

import dk.jobbro.flagging.FlagService;
import dk.jobbro.posting.PostingService;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly run, in a fixed order: postings past their application deadline become EXPIRED (matching already
 * skips them), then every citizen's flag is evaluated again under the current rule set, so a changed rule reaches
 * everyone the same night. Logs counts only: never a citizen or a circumstance.
 */
@Singleton
public class NightlyRun {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyRun.class);

    private final PostingService postings;
    private final FlagService flags;

    NightlyRun(PostingService postings, FlagService flags) {
        this.postings = postings;
        this.flags = flags;
    }

    /** What one run did. */
    public record Result(int postingsExpired, int flagsEvaluated) {
    }

    @Scheduled(cron = "${jobbro.nightly.cron:0 5 2 * * *}")
    void scheduled() {
        run();
    }

    public Result run() {
        int expired = postings.expireOverdue();
        int evaluated = flags.reevaluateAll();
        LOG.info("Nightly run: {} postings expired, {} citizens' flags evaluated", expired, evaluated);
        return new Result(expired, evaluated);
    }
}
