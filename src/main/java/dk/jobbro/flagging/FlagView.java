package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/** One stored evaluation as consultants read it. */
@Serdeable
public record FlagView(long evaluationId, Instant evaluatedAt, String trigger, String rulesetVersion,
                       boolean flagged, @Nullable Urgency urgency, List<FlagReason> reasons,
                       List<Intervention> interventions) {

    static FlagView of(FlagEvaluationRow e) {
        ParallelInterventionFlag f = e.result();
        return new FlagView(e.id(), e.evaluatedAt(), e.triggerEvent().name(), e.rulesetVersion(), f.flagged(),
                f.urgency(), f.reasons(), f.interventions());
    }
}
