package dk.jobbro.citizen;

import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.security.Access;
import dk.jobbro.security.AuditAction;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.context.event.ApplicationEventPublisher;
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

/**
 * Citizens' profiles and "not for this citizen" entries. Every citizen is loaded through {@link #read} or
 * {@link #forChange}, which ask the access layer and audit the access: other capabilities (matching, flags,
 * circumstances) load a citizen only that way.
 */
@Singleton
public class CitizenService {

    private final CitizenRepository citizens;
    private final NotForCitizenRepository notFor;
    private final EmployerRepository employers;
    private final Postcodes postcodes;
    private final Taxonomy taxonomy;
    private final Access access;
    private final Clock clock;
    private final CitizenChangeRepository changes;
    private final ApplicationEventPublisher<CitizenChanged> events;

    CitizenService(CitizenRepository citizens, NotForCitizenRepository notFor, EmployerRepository employers,
                   Postcodes postcodes, Taxonomy taxonomy, Access access, Clock clock,
                   CitizenChangeRepository changes, ApplicationEventPublisher<CitizenChanged> events) {
        this.changes = changes;
        this.events = events;
        this.citizens = citizens;
        this.notFor = notFor;
        this.employers = employers;
        this.postcodes = postcodes;
        this.taxonomy = taxonomy;
        this.access = access;
        this.clock = clock;
    }

    /** A new citizen, in one of the caller's own jobcentres. */
    @Transactional
    public Citizen create(CitizenRequest request) {
        String jobcentre = access.ownJobcentre("jobcentre", request.jobcentre());
        Instant now = clock.instant();
        Citizen saved = citizens.save(toCitizen(null, jobcentre, request, now, now));
        access.citizen(saved.id(), saved.jobcentre(), AuditAction.CREATE);
        changed(saved.id());
        return saved;
    }

    /** A changed profile: the citizen must be the caller's, and stays in one of the caller's jobcentres. */
    @Transactional
    public Citizen update(long id, CitizenRequest request) {
        Citizen existing = forChange(id);
        String jobcentre = access.ownJobcentre("jobcentre", request.jobcentre());
        Citizen updated = citizens.update(toCitizen(id, jobcentre, request, existing.createdAt(), clock.instant()));
        changed(id);
        return updated;
    }

    /** Records the change for other replicas and tells this one's citizen index, in the caller's transaction. */
    private void changed(long citizenId) {
        changes.save(new CitizenChange(null, citizenId, clock.instant()));
        events.publishEvent(new CitizenChanged(citizenId));
    }

    /** The citizen, for reading: 404 when missing or outside the caller's scope; audited either way. */
    public Citizen read(long id) {
        return load(id, AuditAction.READ);
    }

    /**
     * The active citizens with ids from {@code firstId} to {@code lastId} whom the caller may see, in one query, each
     * audited as read (in one batch): the nightly run's chunk.
     */
    public List<Citizen> readActive(long firstId, long lastId) {
        java.util.function.Predicate<String> visible = access.citizenVisible();
        List<Citizen> found = citizens.findByIdBetweenAndActiveTrueOrderById(firstId, lastId).stream()
                .filter(c -> visible.test(c.jobcentre())).toList();
        access.citizensListed(found.stream().map(Citizen::id).toList());
        return found;
    }

    /** The citizen, to change something about them: 404 when missing or outside the caller's scope; audited. */
    public Citizen forChange(long id) {
        return load(id, AuditAction.CHANGE);
    }

    private Citizen load(long id, AuditAction action) {
        Citizen citizen = citizens.findById(id).orElseThrow(() -> ApiException.notFound("Citizen", id));
        access.citizen(id, citizen.jobcentre(), action);
        return citizen;
    }

    /** Records that an employer or an occupation is not for this citizen; matching respects it at once. */
    @Transactional
    public NotForCitizen addNotFor(long citizenId, NotForCitizenRequest request) {
        forChange(citizenId);
        if ((request.employerId() == null) == (request.occupationCode() == null)) {
            throw ApiException.invalid("employerId", "give either employerId or occupationCode");
        }
        if (request.employerId() != null && !employers.existsById(request.employerId())) {
            throw ApiException.invalid("employerId", "unknown employer");
        }
        String occupation = null;
        if (request.occupationCode() != null) {
            Taxonomy.Resolved resolved = taxonomy.resolveOccupation("occupationCode", request.occupationCode());
            if (!resolved.errors().isEmpty()) {
                throw ApiException.invalid(resolved.errors());
            }
            occupation = resolved.codes().get(0);
        }
        NotForCitizen saved = notFor.save(new NotForCitizen(null, citizenId, request.employerId(), occupation,
                request.reason().strip(), access.subject(), clock.instant()));
        changed(citizenId);
        return saved;
    }

    /** A citizen's entries, for the consultant: the citizen is loaded (and the read audited) first. */
    public List<NotForCitizen> readNotFor(long citizenId) {
        read(citizenId);
        return notFor(citizenId);
    }

    /** A citizen's entries for matching, whose caller has loaded the citizen already. */
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
        forChange(citizenId);
        NotForCitizen entry = notFor.findByIdAndCitizenId(id, citizenId)
                .orElseThrow(() -> ApiException.notFound("Exclusion", id));
        notFor.delete(entry);
        changed(citizenId);
    }

    /** A page of the citizens the caller may see (a consultant's own jobcentres), each audited as read. */
    public List<Citizen> list(int page, int size) {
        Optional<Set<String>> jobcentres = access.jobcentreScope();
        List<Citizen> found;
        if (jobcentres.isEmpty()) {
            found = citizens.findAll(Pageable.from(page, size, Sort.of(Sort.Order.asc("id")))).getContent();
        } else if (jobcentres.get().isEmpty()) {
            found = List.of();
        } else {
            found = citizens.findByJobcentreIn(jobcentres.get(), Pageable.from(page, size,
                    Sort.of(Sort.Order.asc("id")))).getContent();
        }
        access.citizensListed(found.stream().map(Citizen::id).toList());
        return found;
    }

    private Citizen toCitizen(Long id, String jobcentre, CitizenRequest r, Instant created, Instant updated) {
        // Skills and occupations may be given by code, label or synonym, in Danish or English; they are stored by
        // their canonical taxonomy code, and an unknown term is named with the nearest known ones.
        List<CitizenSkill> given = orEmpty(r.skills());
        Taxonomy.Resolved skillCodes = taxonomy.resolveSkills("skills", ".code",
                given.stream().map(CitizenSkill::code).toList());
        List<CitizenSkill> skills = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            skills.add(new CitizenSkill(skillCodes.codes().get(i), given.get(i).level()));
        }
        Taxonomy.Resolved heldCodes = taxonomy.resolveOccupations("occupationsHeld", orEmpty(r.occupationsHeld()));
        Taxonomy.Resolved wantedCodes = taxonomy.resolveOccupations("occupationsWanted",
                orEmpty(r.occupationsWanted()));
        List<String> held = heldCodes.codes();
        List<String> wanted = wantedCodes.codes();
        List<Problem.FieldError> errors = new ArrayList<>(skillCodes.errors());
        errors.addAll(heldCodes.errors());
        errors.addAll(wantedCodes.errors());
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        GeoPoint home = postcodes.locate(r.home(), "home");
        return new Citizen(id, r.name().strip(), jobcentre, r.targetGroup(), r.home().postcode(),
                home.latitude(), home.longitude(), r.maxCommuteKm(), r.maxHoursPerWeek(), r.availableFrom(),
                skills, held, wanted, distinct(r.healthLimitations()), distinct(r.supportNeeds()),
                Boolean.TRUE.equals(r.drivingLicence()), orEmpty(r.languages()), true, created, updated);
    }
}
