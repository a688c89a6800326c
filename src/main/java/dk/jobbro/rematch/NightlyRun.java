package dk.jobbro.rematch;

import dk.jobbro.flagging.FlagService;
import dk.jobbro.posting.PostingService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly run's housekeeping, in a fixed order, before anyone is matched: postings past their application
 * deadline become EXPIRED (matching already skips them), then every citizen's flag is evaluated again under the
 * current rule set, so a changed rule reaches everyone the same night. Filled slots and the ratio rule need no step
 * of their own: matching's eligibility reads both from the database when each chunk runs. Started by the run's
 * prepare task ({@link RematchSteps#prepare}), once per run on one instance. Logs counts only.
 */
@Singleton
public class NightlyRun {

    private static final Logger LOG = LoggerFactory.getLogger(NightlyRun.class);

    private final PostingService postings;
    private final FlagService flags;
    private final RematchSettings settings;

    NightlyRun(PostingService postings, FlagService flags, RematchSettings settings) {
        this.postings = postings;
        this.flags = flags;
        this.settings = settings;
    }

    /** What one run did. */
    public record Result(int postingsExpired, int flagsEvaluated) {
    }

    public Result run() {
        int expired = postings.expireOverdue();
        int evaluated = flags.reevaluateAll(settings.threads()); // the job engine's threads are idle until the chunks
        LOG.info("Nightly run: {} postings expired, {} citizens' flags evaluated", expired, evaluated);
        return new Result(expired, evaluated);
    }
}
