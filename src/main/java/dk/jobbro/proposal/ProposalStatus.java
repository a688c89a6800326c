package dk.jobbro.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * A proposal's lifecycle: PROPOSED → INTERVIEW → ACCEPTED / DECLINED; the consultant may withdraw it while it is
 * open. ACCEPTED fills one of the posting's slots.
 */
public enum ProposalStatus {
    PROPOSED,
    INTERVIEW,
    ACCEPTED,
    DECLINED,
    WITHDRAWN;

    /** The states an answer or a withdrawal may move a proposal to from this one. */
    public Set<ProposalStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(INTERVIEW, ACCEPTED, DECLINED, WITHDRAWN);
            case INTERVIEW -> EnumSet.of(ACCEPTED, DECLINED, WITHDRAWN);
            case ACCEPTED, DECLINED, WITHDRAWN -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    public boolean open() {
        return this == PROPOSED || this == INTERVIEW;
    }

    /** In Danish, as both sides' pages show it. */
    public String danish() {
        return switch (this) {
            case PROPOSED -> "Foreslået";
            case INTERVIEW -> "Til samtale";
            case ACCEPTED -> "Ansat";
            case DECLINED -> "Afvist";
            case WITHDRAWN -> "Trukket tilbage";
        };
    }
}
