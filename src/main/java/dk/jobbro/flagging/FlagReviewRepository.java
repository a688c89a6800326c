package dk.jobbro.flagging;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface FlagReviewRepository extends CrudRepository<FlagReviewRow, Long> {

    Optional<FlagReviewRow> findFirstByCitizenIdOrderByIdDesc(long citizenId);

    List<FlagReviewRow> findByCitizenIdOrderByIdDesc(long citizenId);

    /** The latest review of each active citizen of a jobcentre. */
    @Query(value = """
            SELECT r.* FROM flag_review r JOIN citizen c ON c.id = r.citizen_id
            WHERE c.jobcentre = :jobcentre AND c.active = TRUE
              AND r.id = (SELECT MAX(l.id) FROM flag_review l WHERE l.citizen_id = c.id)""",
            nativeQuery = true)
    List<FlagReviewRow> findLatestForJobcentre(String jobcentre);
}
