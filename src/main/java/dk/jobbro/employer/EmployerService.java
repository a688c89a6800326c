package dk.jobbro.employer;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.security.Access;
import dk.jobbro.web.Problem;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import dk.jobbro.web.ApiException;
import io.micronaut.data.model.Pageable;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Objects;

/**
 * Employers' records. An employer keeps its own record up to date but cannot change who it is (CVR, P-number):
 * that would let it pose as another company. A head count it reports waits for a consultant's confirmation, because
 * the ratio rule (how many interns and wage-subsidy staff it may host) depends on it; the report is audited.
 */
@Singleton
public class EmployerService {

    private final EmployerRepository employers;
    private final EmployerChangeRepository changes;
    private final Postcodes postcodes;
    private final Access access;
    private final Clock clock;
    private final ApplicationEventPublisher<EmployerChanged> events;

    EmployerService(EmployerRepository employers, EmployerChangeRepository changes, Postcodes postcodes,
                    Access access, Clock clock, ApplicationEventPublisher<EmployerChanged> events) {
        this.employers = employers;
        this.changes = changes;
        this.postcodes = postcodes;
        this.access = access;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Employer create(EmployerRequest request) {
        if (exists(request)) {
            throw ApiException.conflict("An employer with this CVR and P-number already exists");
        }
        Instant now = clock.instant();
        return employers.save(toEmployer(null, request, request.ordinaryEmployees(), null, now, now));
    }

    @Transactional
    public Employer update(long id, EmployerRequest request) {
        Employer existing = get(id);
        boolean cvrChanged = !existing.cvr().equals(request.cvr());
        boolean pNumberChanged = !Objects.equals(existing.pNumber(), request.pNumber());
        boolean byEmployer = access.callerIsEmployer();
        if (byEmployer && (cvrChanged || pNumberChanged)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "An employer cannot change its identity",
                    List.of(new Problem.FieldError(cvrChanged ? "cvr" : "pNumber",
                            "only a consultant can change the CVR or P-number")));
        }
        if ((cvrChanged || pNumberChanged) && exists(request)) {
            throw ApiException.conflict("An employer with this CVR and P-number already exists");
        }
        int confirmed = existing.ordinaryEmployees();
        Integer reported = existing.ordinaryEmployeesReported();
        Instant now = clock.instant();
        if (!byEmployer) {
            confirmed = request.ordinaryEmployees(); // a consultant's figure is the confirmed one
            reported = null;
        } else if (request.ordinaryEmployees() != existing.ordinaryEmployees()
                && !request.ordinaryEmployees().equals(existing.ordinaryEmployeesReported())) {
            reported = request.ordinaryEmployees();
            changes.save(new EmployerChange(null, now, id, access.subject(), "EMPLOYER", "ordinaryEmployees"));
        } else if (request.ordinaryEmployees() == existing.ordinaryEmployees()) {
            reported = null; // back to the confirmed figure: nothing waits
        }
        Employer updated = employers.update(toEmployer(id, request, confirmed, reported, existing.createdAt(), now));
        events.publishEvent(new EmployerChanged(id));
        return updated;
    }

    /** Changes the employer made to its own record (fields, who, when), for consultants. */
    public List<EmployerChange> changes(long id) {
        get(id);
        return changes.findByEmployerIdOrderById(id);
    }

    private boolean exists(EmployerRequest request) {
        return request.pNumber() == null ? employers.existsByCvrAndPNumberIsNull(request.cvr())
                : employers.existsByCvrAndPNumber(request.cvr(), request.pNumber());
    }

    /** The employer, if the caller may see it (an employer only itself): 404 otherwise, as for a missing one. */
    public Employer get(long id) {
        Employer employer = employers.findById(id).orElseThrow(() -> ApiException.notFound("Employer", id));
        access.employer(id);
        return employer;
    }

    /** The employers registered under a CVR number that the caller may see (an employer: only itself). */
    public List<Employer> findByCvr(String cvr) {
        Optional<Long> own = access.employerScope();
        return employers.findByCvrOrderById(cvr).stream()
                .filter(e -> own.isEmpty() || own.get().equals(e.id())).toList();
    }

    /** A page of the employers the caller may see: an employer's list holds its own record only. */
    public List<Employer> list(int page, int size) {
        return access.employerScope()
                .map(own -> page == 0 ? employers.findById(own).stream().toList() : List.<Employer>of())
                .orElseGet(() -> employers.findAll(Pageable.from(page, size,
                        Sort.of(Sort.Order.asc("id")))).getContent());
    }

    private Employer toEmployer(Long id, EmployerRequest r, int confirmedEmployees, Integer reportedEmployees,
                                Instant created, Instant updated) {
        GeoPoint point = postcodes.locate(r.address(), "address");
        return new Employer(id, r.name().strip(), r.cvr(), r.pNumber(), r.address().street(), r.address().postcode(),
                r.address().city(), point.latitude(), point.longitude(), confirmedEmployees, reportedEmployees, created,
                updated);
    }
}
