package dk.jobbro.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Which hard rules keep a posting from a citizen, in plain Java: every {@link HardRule} in its order. The index
 * applies the same rules as filters, one per rule ({@code search.PostingRuleFilters}).
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** Every rule the posting breaks for these criteria; empty when the posting may be matched. */
    public static List<Exclusion> check(MatchCriteria c, PostingFacts p) {
        List<Exclusion> out = new ArrayList<>();
        for (HardRule rule : HardRule.values()) {
            rule.check(c, p, out);
        }
        return out;
    }
}
