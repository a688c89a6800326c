package dk.jobbro.employer;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.web.ApiException;
import io.micronaut.data.model.Pageable;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

@Singleton
public class EmployerService {

    private final EmployerRepository employers;
    private final Postcodes postcodes;
    private final Clock clock;
    private final ApplicationEventPublisher<EmployerChanged> events;

    EmployerService(EmployerRepository employers, Postcodes postcodes, Clock clock,
                    ApplicationEventPublisher<EmployerChanged> events) {
        this.employers = employers;
        this.postcodes = postcodes;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Employer create(EmployerRequest request) {
        if (exists(request)) {
            throw ApiException.conflict("An employer with this CVR and P-number already exists");
        }
        Instant now = clock.instant();
        return employers.save(toEmployer(null, request, now, now));
    }

    @Transactional
    public Employer update(long id, EmployerRequest request) {
        Employer existing = get(id);
        boolean identityChanged = !existing.cvr().equals(request.cvr())
                || !Objects.equals(existing.pNumber(), request.pNumber());
        if (identityChanged && exists(request)) {
            throw ApiException.conflict("An employer with this CVR and P-number already exists");
        }
        Employer updated = employers.update(toEmployer(id, request, existing.createdAt(), clock.instant()));
        events.publishEvent(new EmployerChanged(id));
        return updated;
    }

    private boolean exists(EmployerRequest request) {
        return request.pNumber() == null ? employers.existsByCvrAndPNumberIsNull(request.cvr())
                : employers.existsByCvrAndPNumber(request.cvr(), request.pNumber());
    }

    public Employer get(long id) {
        return employers.findById(id).orElseThrow(() -> ApiException.notFound("Employer", id));
    }

    public java.util.Optional<Employer> find(long id) {
        return employers.findById(id);
    }

    public List<Employer> list(int page, int size) {
        return employers.findAll(Pageable.from(page, size)).getContent();
    }

    private Employer toEmployer(Long id, EmployerRequest r, Instant created, Instant updated) {
        GeoPoint point = postcodes.locate(r.address(), "address");
        return new Employer(id, r.name().strip(), r.cvr(), r.pNumber(), r.address().street(), r.address().postcode(),
                r.address().city(), point.latitude(), point.longitude(), r.ordinaryEmployees(), created, updated);
    }
}
