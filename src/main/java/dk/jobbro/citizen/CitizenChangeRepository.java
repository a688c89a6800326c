package dk.jobbro.citizen;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CitizenChangeRepository extends CrudRepository<CitizenChange, Long> {

    /** Changes stamped after the instant, oldest first: what a replica follows. */
    List<CitizenChange> findByChangedAtGreaterThanOrderByChangedAt(Instant after, Pageable pageable);

    /** The latest change's id, or 0: tells at start-up whether the citizen index is behind the database. */
    @Query("SELECT COALESCE(MAX(id), 0) FROM citizen_change")
    long findMaxId();
}
