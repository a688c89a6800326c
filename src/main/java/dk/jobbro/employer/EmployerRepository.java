package dk.jobbro.employer;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface EmployerRepository extends PageableRepository<Employer, Long> {

    boolean existsByCvrAndPNumber(String cvr, String pNumber);

    boolean existsByCvrAndPNumberIsNull(String cvr);

    /** An employer's registrations (the company and its P-units) by CVR, in id order. */
    java.util.List<Employer> findByCvrOrderById(String cvr);

    /** Employers changed after {@code since} (a new name reaches their postings' documents). */
    java.util.List<Employer> findByUpdatedAtGreaterThan(java.time.Instant since);
}
