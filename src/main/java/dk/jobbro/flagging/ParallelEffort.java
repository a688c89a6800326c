package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Whether a citizen needs a parallel social or health effort, as matches and the work list show it. An overruled
 * flag is not needed but keeps its reasons and the overrule visible: never silent.
 *
 * @param review the acknowledgement or overrule that applies to the current flag, if any
 */
@Serdeable
public record ParallelEffort(boolean needed, FlagStatus status, @Nullable Urgency urgency, List<FlagReason> reasons,
                             List<Intervention> interventions, @Nullable FlagReview review,
                             @Nullable String rulesetVersion) {

    static ParallelEffort none(@Nullable String rulesetVersion) {
        return new ParallelEffort(false, FlagStatus.NOT_FLAGGED, null, List.of(), List.of(), null, rulesetVersion);
    }
}
