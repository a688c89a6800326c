package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** A consultant's acknowledgement or overrule of a flag (table flag_review). */
@MappedEntity("flag_review")
record FlagReviewRow(@Id @GeneratedValue @Nullable Long id,
                     long citizenId,
                     long evaluationId,
                     Action action,
                     @TypeDef(type = DataType.JSON) List<String> reasonCodes,
                     @Nullable String reason,
                     @Nullable String reviewedBy,
                     Instant reviewedAt) {

    enum Action {
        ACKNOWLEDGED,
        OVERRIDDEN
    }

    /** A review holds while the flag has the same reasons as when it was reviewed. */
    boolean appliesTo(ParallelInterventionFlag flag) {
        return flag.flagged() && flag.reasonCodes().equals(reasonCodes);
    }
}
