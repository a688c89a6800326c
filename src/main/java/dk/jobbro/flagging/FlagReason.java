package dk.jobbro.flagging;

import java.util.List;

/** Why a citizen is flagged: one fired rule with its Danish text, urgency and the help it proposes. */
public record FlagReason(String code, String text, Urgency urgency, List<Intervention> interventions) {

    public FlagReason {
        interventions = List.copyOf(interventions);
    }
}
