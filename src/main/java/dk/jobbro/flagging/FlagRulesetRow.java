package dk.jobbro.flagging;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;

/** A rule-set version as it was first used (table flag_ruleset). */
@MappedEntity("flag_ruleset")
record FlagRulesetRow(@Id String version, @TypeDef(type = DataType.JSON) FlagRuleset rules, Instant recordedAt) {
}
