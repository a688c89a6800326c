package dk.jobbro.flagging;

import io.micronaut.serde.annotation.SerdeImport;

/**
 * Lets the framework-free flag records travel as JSON (stored evaluations, API responses) without the domain
 * types importing the framework.
 */
@SerdeImport(Circumstance.class)
@SerdeImport(FlagReason.class)
@SerdeImport(ParallelInterventionFlag.class)
@SerdeImport(FlagRuleset.class)
@SerdeImport(FlagRule.class)
@SerdeImport(FlagCondition.class)
final class FlagJson {

    private FlagJson() {
    }
}
