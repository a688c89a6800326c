package dk.jobbro.flagging;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;

/** One stored evaluation (table flag_evaluation): enough to reproduce and explain the decision later. */
@MappedEntity("flag_evaluation")
record FlagEvaluationRow(@Id @GeneratedValue @Nullable Long id,
                         long citizenId,
                         Instant evaluatedAt,
                         Trigger triggerEvent,
                         String rulesetVersion,
                         @TypeDef(type = DataType.JSON) List<Circumstance> inputs,
                         @TypeDef(type = DataType.JSON) ParallelInterventionFlag result,
                         boolean flagged,
                         @Nullable Urgency urgency) {

    /** Why an evaluation ran. */
    enum Trigger {
        CIRCUMSTANCES_CHANGED,
        NIGHTLY
    }

    @Override
    public String toString() {
        return "FlagEvaluationRow[id=" + id + ", redacted]";
    }
}
