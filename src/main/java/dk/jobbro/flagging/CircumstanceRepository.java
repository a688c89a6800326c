package dk.jobbro.flagging;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface CircumstanceRepository extends CrudRepository<CircumstanceRow, Long> {

    List<CircumstanceRow> findByCitizenId(long citizenId);

    /** Many citizens' circumstances in one query (the nightly re-evaluation, a page at a time). */
    List<CircumstanceRow> findByCitizenIdIn(Collection<Long> citizenIds);

    void deleteByCitizenId(long citizenId);
}
