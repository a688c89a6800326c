package dk.jobbro.flagging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates a flag rule set against a citizen's circumstances. Plain Java and a pure function of its two inputs,
 * so a stored evaluation (inputs and rule-set version) reproduces exactly. Nothing about the citizen other than
 * the circumstances is an input: where the case is handled cannot change the outcome.
 */
public final class FlagEvaluator {

    private FlagEvaluator() {
    }

    public static ParallelInterventionFlag evaluate(FlagRuleset ruleset, List<Circumstance> circumstances) {
        List<Circumstance> inputs = canonical(circumstances);
        List<FlagReason> reasons = new ArrayList<>();
        Set<Intervention> interventions = EnumSet.noneOf(Intervention.class);
        Urgency urgency = null;
        for (FlagRule rule : ruleset.rules()) {
            if (rule.firesFor(inputs)) {
                reasons.add(new FlagReason(rule.code(), rule.text(), rule.urgency(), rule.interventions()));
                interventions.addAll(rule.interventions());
                if (urgency == null || rule.urgency().moreUrgentThan(urgency)) {
                    urgency = rule.urgency();
                }
            }
        }
        return new ParallelInterventionFlag(!reasons.isEmpty(), urgency, reasons, List.copyOf(interventions),
                ruleset.version());
    }

    /** Circumstances in area order: the one order used for evaluating and for the stored snapshot. */
    public static List<Circumstance> canonical(List<Circumstance> circumstances) {
        return circumstances.stream().sorted(Comparator.comparing(Circumstance::area)).toList();
    }
}
