package dk.jobbro.posting;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PostingRepository extends PageableRepository<Posting, Long> {

    List<Posting> findByEmployerId(long employerId);

    io.micronaut.data.model.Page<Posting> findByEmployerId(long employerId, io.micronaut.data.model.Pageable page);

    List<Posting> findByIdIn(java.util.Collection<Long> ids);

    List<Posting> findByStatusAndIdGreaterThanOrderById(PostingStatus status, long afterId,
                                                        io.micronaut.data.model.Pageable page);

    List<Posting> findByIdGreaterThanOrderById(long afterId, io.micronaut.data.model.Pageable page);

    /**
     * The id and version of each posting changed after ({@code since}, {@code afterId}), oldest change first, then by
     * id: what another replica may have written, a page at a time, for a follower to compare with what it has
     * indexed before it reads a whole row (it sees each change on every poll of its window, 100 polls). The id
     * breaks ties because one statement stamps many postings with one instant (the nightly expiry, thousands): a
     * page that ended inside such a group must resume inside it.
     */
    @Query("SELECT id, updated_at FROM posting WHERE updated_at > :since OR (updated_at = :since AND id > :afterId)"
            + " ORDER BY updated_at, id LIMIT :limit")
    List<Version> findVersionsChangedAfter(Instant since, long afterId, int limit);

    List<Posting> findByStatusAndApplicationDeadlineLessThan(PostingStatus status, LocalDate day);

    @io.micronaut.core.annotation.Nullable
    Instant findMaxUpdatedAt();

    /**
     * Filled internship and wage-subsidy slots per employer, over postings that are open or filled, with the
     * employer's ordinary staff: everything the ratio rule needs in one query.
     */
    @Query("SELECT p.employer_id, SUM(p.slots_filled) AS occupied, e.ordinary_employees FROM posting p"
            + " JOIN employer e ON e.id = p.employer_id"
            + " WHERE p.kind IN ('INTERNSHIP', 'WAGE_SUBSIDY') AND p.status IN ('OPEN', 'FILLED')"
            + " GROUP BY p.employer_id, e.ordinary_employees HAVING SUM(p.slots_filled) > 0")
    List<Occupancy> placementOccupancy();

    /** A posting's id and {@code updated_at}: which version of it the database holds. */
    @Introspected
    record Version(long id, Instant updatedAt) {
    }

    @Introspected
    record Occupancy(long employerId, long occupied, int ordinaryEmployees) {
    }
}
