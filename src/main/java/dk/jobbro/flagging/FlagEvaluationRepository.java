package dk.jobbro.flagging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface FlagEvaluationRepository extends CrudRepository<FlagEvaluationRow, Long> {

    Optional<FlagEvaluationRow> findFirstByCitizenIdOrderByIdDesc(long citizenId);

    List<FlagEvaluationRow> findByCitizenIdOrderByIdDesc(long citizenId, Pageable page);

    /** The latest evaluation of each active citizen of a jobcentre. */
    @Query(value = """
            SELECT e.* FROM flag_evaluation e JOIN citizen c ON c.id = e.citizen_id
            WHERE c.jobcentre = :jobcentre AND c.active = TRUE
              AND e.id = (SELECT MAX(l.id) FROM flag_evaluation l WHERE l.citizen_id = c.id)""",
            nativeQuery = true)
    List<FlagEvaluationRow> findLatestForJobcentre(String jobcentre);
}
