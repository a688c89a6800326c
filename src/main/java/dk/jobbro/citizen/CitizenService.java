package dk.jobbro.citizen;

import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static dk.jobbro.web.RequestLists.distinct;
import static dk.jobbro.web.RequestLists.orEmpty;

@Singleton
public class CitizenService {

    private final CitizenRepository citizens;
    private final NotForCitizenRepository notFor;
    private final EmployerRepository employers;
    private final Postcodes postcodes;
    private final Taxonomy taxonomy;
    private final Clock clock;

    CitizenService(CitizenRepository citizens, NotForCitizenRepository notFor, EmployerRepository employers,
                   Postcodes postcodes, Taxonomy taxonomy, Clock clock) {
        this.citizens = citizens;
        this.notFor = notFor;
        this.employers = employers;
        this.postcodes = postcodes;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @Transactional
    public Citizen create(CitizenRequest request) {
        Instant now = clock.instant();
        return citizens.save(toCitizen(null, request, now, now));
    }

    @Transactional
    public Citizen update(long id, CitizenRequest request) {
        Citizen existing = get(id);
        return citizens.update(toCitizen(id, request, existing.createdAt(), clock.instant()));
    }

    public Citizen get(long id) {
        return citizens.findById(id).orElseThrow(() -> ApiException.notFound("Citizen", id));
    }

    /** Records that an employer or an occupation is not for this citizen; matching respects it at once. */
    @Transactional
    public NotForCitizen addNotFor(long citizenId, NotForCitizenRequest request) {
        get(citizenId);
        if ((request.employerId() == null) == (request.occupationCode() == null)) {
            throw ApiException.invalid("employerId", "give either employerId or occupationCode");
        }
        if (request.employerId() != null && !employers.existsById(request.employerId())) {
            throw ApiException.invalid("employerId", "unknown employer");
        }
        if (request.occupationCode() != null && taxonomy.occupation(request.occupationCode()).isEmpty()) {
            throw ApiException.invalid("occupationCode", "unknown occupation code");
        }
        return notFor.save(new NotForCitizen(null, citizenId, request.employerId(), request.occupationCode(),
                request.reason().strip(), request.recordedBy().strip(), clock.instant()));
    }

    public List<NotForCitizen> notFor(long citizenId) {
        return notFor.findByCitizenIdOrderById(citizenId);
    }

    /** The "not for this citizen" entries of many citizens in one query, by citizen id. */
    public Map<Long, List<NotForCitizen>> notFor(Collection<Long> citizenIds) {
        if (citizenIds.isEmpty()) {
            return Map.of();
        }
        return notFor.findByCitizenIdInOrderById(citizenIds).stream()
                .collect(Collectors.groupingBy(NotForCitizen::citizenId));
    }

    @Transactional
    public void removeNotFor(long citizenId, long id) {
        get(citizenId);
        NotForCitizen entry = notFor.findByIdAndCitizenId(id, citizenId)
                .orElseThrow(() -> ApiException.notFound("Exclusion", id));
        notFor.delete(entry);
    }

    public List<Citizen> list(int page, int size) {
        return citizens.findAll(Pageable.from(page, size)).getContent();
    }

    /** A page of the citizens of the given jobcentres; all citizens when no scope is given. */
    public List<Citizen> list(int page, int size, Optional<Set<String>> jobcentres) {
        if (jobcentres.isEmpty()) {
            return list(page, size);
        }
        if (jobcentres.get().isEmpty()) {
            return List.of();
        }
        return citizens.findByJobcentreIn(jobcentres.get(), Pageable.from(page, size, Sort.of(Sort.Order.asc("id"))))
                .getContent();
    }

    private Citizen toCitizen(Long id, CitizenRequest r, Instant created, Instant updated) {
        // Skills may be given by code, label or synonym; they are stored by their canonical taxonomy code.
        List<CitizenSkill> skills = orEmpty(r.skills()).stream().map(skill -> taxonomy.resolveSkill(skill.code())
                .map(code -> new CitizenSkill(code, skill.level())).orElse(skill)).toList();
        List<String> held = orEmpty(r.occupationsHeld());
        List<String> wanted = orEmpty(r.occupationsWanted());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Problem.FieldError e : taxonomy.unknownSkills("skills", skills.stream().map(CitizenSkill::code).toList())) {
            errors.add(new Problem.FieldError(e.field() + ".code", e.reason()));
        }
        errors.addAll(taxonomy.unknownOccupations("occupationsHeld", held));
        errors.addAll(taxonomy.unknownOccupations("occupationsWanted", wanted));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        GeoPoint home = postcodes.locate(r.home(), "home");
        return new Citizen(id, r.name().strip(), r.jobcentre().strip(), r.targetGroup(), r.home().postcode(),
                home.latitude(), home.longitude(), r.maxCommuteKm(), r.maxHoursPerWeek(), r.availableFrom(),
                skills, held, wanted, distinct(r.healthLimitations()), distinct(r.supportNeeds()),
                Boolean.TRUE.equals(r.drivingLicence()), orEmpty(r.languages()), true, created, updated);
    }
}
