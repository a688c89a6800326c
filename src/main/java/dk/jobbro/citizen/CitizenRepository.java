package dk.jobbro.citizen;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CitizenRepository extends PageableRepository<Citizen, Long> {

    /**
     * Active citizens of the given target groups whose own commute box reaches the point: a cheap, index-friendly
     * pre-filter (a box, not a circle) before the exact distance rule runs in Java. 111.2 km per degree of latitude.
     */
    @Query("SELECT * FROM citizen WHERE active = TRUE AND target_group IN (:targetGroups)"
            + " AND home_latitude BETWEEN :latitude - 1.8 AND :latitude + 1.8"
            + " AND ABS(home_latitude - :latitude) * 111.2 <= max_commute_km"
            + " AND ABS(home_longitude - :longitude) * 111.2 * :cosLatitude <= max_commute_km")
    List<Citizen> findActiveWithinCommuteOf(Collection<TargetGroup> targetGroups, double latitude, double longitude,
                                            double cosLatitude);

    /** Citizens of the given jobcentres: a consultant's view of the list. */
    Page<Citizen> findByJobcentreIn(Collection<String> jobcentres, Pageable pageable);

    /** A batch of citizens after an id, in id order: rebuilding the citizen index. */
    List<Citizen> findByIdGreaterThanOrderById(long id, Pageable pageable);

    List<Citizen> findByIdIn(Collection<Long> ids);

    long countByActiveTrue();

    /** A jobcentre's active citizens (the consultants' work list). */
    List<Citizen> findByJobcentreAndActiveTrue(String jobcentre);

    /** Active citizens with ids in a range, by id: a chunk of the nightly run in one query. */
    List<Citizen> findByIdBetweenAndActiveTrueOrderById(long firstId, long lastId);

    /** The ids of every active citizen, in order: the nightly flag evaluation pages through them. */
    List<Long> findIdByActiveTrueOrderById();
}
