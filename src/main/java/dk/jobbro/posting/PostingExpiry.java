package dk.jobbro.posting;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every night, open postings past their application deadline become EXPIRED (matching already skips them). */
@Singleton
class PostingExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(PostingExpiry.class);

    private final PostingService postings;

    PostingExpiry(PostingService postings) {
        this.postings = postings;
    }

    @Scheduled(cron = "0 5 0 * * *")
    void expireOverdue() {
        int expired = postings.expireOverdue();
        if (expired > 0) {
            LOG.info("Expired {} postings past their application deadline", expired);
        }
    }
}
