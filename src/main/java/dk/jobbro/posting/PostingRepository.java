package dk.jobbro.posting;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PostingRepository extends PageableRepository<Posting, Long> {

    List<Posting> findByEmployerId(long employerId);

    List<Posting> findByIdGreaterThanOrderById(long afterId, io.micronaut.data.model.Pageable page);

    List<Posting> findByStatusAndApplicationDeadlineLessThan(PostingStatus status, LocalDate day);

    @io.micronaut.core.annotation.Nullable
    Instant findMaxUpdatedAt();
}
