package dk.jobbro.citizen;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface NotForCitizenRepository extends CrudRepository<NotForCitizen, Long> {

    List<NotForCitizen> findByCitizenIdOrderById(long citizenId);

    List<NotForCitizen> findByCitizenIdInOrderById(Collection<Long> citizenIds);

    Optional<NotForCitizen> findByIdAndCitizenId(long id, long citizenId);
}
