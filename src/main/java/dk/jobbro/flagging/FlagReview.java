package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** A consultant's acknowledgement or overrule, as shown next to the flag. */
@Serdeable
public record FlagReview(long evaluationId, String action, List<String> reasonCodes, @Nullable String reason,
                         @Nullable String by, Instant at) {

    static FlagReview of(FlagReviewRow r) {
        return new FlagReview(r.evaluationId(), r.action().name(), r.reasonCodes(), r.reason(), r.reviewedBy(),
                r.reviewedAt());
    }
}
