package dk.jobbro.flagging;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
interface FlagRulesetRepository extends CrudRepository<FlagRulesetRow, String> {
}
