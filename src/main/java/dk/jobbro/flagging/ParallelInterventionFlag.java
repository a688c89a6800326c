package dk.jobbro.flagging;

import java.util.List;

/**
 * The outcome of evaluating a rule set against a citizen's circumstances. A citizen is flagged when at least one
 * rule fires. Reasons come in rule-set order and interventions in their enum order, so the same circumstances
 * always give an equal flag, whatever the order they were recorded in.
 *
 * @param urgency the most urgent reason's urgency; null when not flagged
 */
public record ParallelInterventionFlag(boolean flagged, Urgency urgency, List<FlagReason> reasons,
                                       List<Intervention> interventions, String rulesetVersion) {

    public ParallelInterventionFlag {
        reasons = List.copyOf(reasons);
        interventions = List.copyOf(interventions);
    }

    public List<String> reasonCodes() {
        return reasons.stream().map(FlagReason::code).toList();
    }
}
