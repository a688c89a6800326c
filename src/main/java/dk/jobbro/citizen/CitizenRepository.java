package dk.jobbro.citizen;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CitizenRepository extends PageableRepository<Citizen, Long> {

    /** Active citizens of the given target groups living inside a latitude/longitude box. */
    List<Citizen> findByActiveTrueAndTargetGroupInAndHomeLatitudeBetweenAndHomeLongitudeBetween(
            Collection<TargetGroup> targetGroups, double minLatitude, double maxLatitude,
            double minLongitude, double maxLongitude);

    /** A jobcentre's active citizens (the consultants' work list). */
    List<Citizen> findByJobcentreAndActiveTrue(String jobcentre);
}
