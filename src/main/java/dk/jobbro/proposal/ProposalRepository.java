package dk.jobbro.proposal;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface ProposalRepository extends CrudRepository<Proposal, Long> {

    List<Proposal> findByEmployerIdOrderByIdDesc(long employerId);

    List<Proposal> findByJobcentreInOrderByIdDesc(Collection<String> jobcentres);

    List<Proposal> findAllOrderByIdDesc();

    boolean existsByCitizenIdAndPostingIdAndStatusIn(long citizenId, long postingId,
                                                     Collection<ProposalStatus> statuses);
}
