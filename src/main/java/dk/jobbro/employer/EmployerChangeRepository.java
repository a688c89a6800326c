package dk.jobbro.employer;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Append and read only; the table refuses updates. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface EmployerChangeRepository extends GenericRepository<EmployerChange, Long> {

    EmployerChange save(EmployerChange change);

    List<EmployerChange> findByEmployerIdOrderById(long employerId);
}
