package dk.jobbro.flagging;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;

import java.util.List;

/** Reads the flag rule set from configuration once, at start-up, so a broken rule stops the service at once. */
@Factory
final class FlagRulesetFactory {

    static final String SOURCE = "config/flag-rules.yml (jobbro.flagging)";

    @Context
    FlagRuleset flagRuleset(Environment environment) {
        return new FlagRulesetParser(SOURCE).parse(
                environment.getProperty("jobbro.flagging.version", String.class).orElse(null),
                environment.getProperty("jobbro.flagging.rules", List.class).orElse(null));
    }
}
