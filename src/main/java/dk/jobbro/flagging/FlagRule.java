package dk.jobbro.flagging;

import java.util.List;

/**
 * A rule of the flag rule set: when all its conditions hold, the citizen is flagged with this reason.
 *
 * @param code          stable reason code, e.g. {@code ACUTE_HOMELESSNESS}
 * @param text          the reason in plain Danish, as consultants read it
 * @param urgency       how soon the parallel effort is needed
 * @param interventions the kinds of help that fit
 * @param when          conditions that must all hold
 */
public record FlagRule(String code, String text, Urgency urgency, List<Intervention> interventions,
                       List<FlagCondition> when) {

    public FlagRule {
        interventions = List.copyOf(interventions);
        when = List.copyOf(when);
    }

    boolean firesFor(List<Circumstance> circumstances) {
        return when.stream().allMatch(c -> c.holdsFor(circumstances));
    }
}
