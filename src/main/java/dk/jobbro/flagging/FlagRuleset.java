package dk.jobbro.flagging;

import java.util.List;

/** The versioned flag rules from {@code config/flag-rules.yml}; every evaluation records the version it used. */
public record FlagRuleset(String version, List<FlagRule> rules) {

    public FlagRuleset {
        rules = List.copyOf(rules);
    }
}
