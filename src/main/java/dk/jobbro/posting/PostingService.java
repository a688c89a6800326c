package dk.jobbro.posting;

import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.geo.Postcodes;
import dk.jobbro.security.Access;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static dk.jobbro.web.RequestLists.distinct;
import static dk.jobbro.web.RequestLists.orEmpty;

/**
 * Creates and changes postings. Every change is one transaction; the index follows after commit through
 * {@link PostingChanged}, so a failed request leaves neither the database nor the index half-written.
 */
@Singleton
public class PostingService {

    private final PostingRepository postings;
    private final Access access;
    private final EmployerRepository employers;
    private final Postcodes postcodes;
    private final Taxonomy taxonomy;
    private final Clock clock;
    private final ApplicationEventPublisher<PostingChanged> events;
    private final ApplicationEventPublisher<PostingsChanged> batchEvents;

    PostingService(PostingRepository postings, EmployerRepository employers, Postcodes postcodes,
                   Taxonomy taxonomy, Clock clock, ApplicationEventPublisher<PostingChanged> events,
                   ApplicationEventPublisher<PostingsChanged> batchEvents, Access access) {
        this.batchEvents = batchEvents;
        this.postings = postings;
        this.employers = employers;
        this.postcodes = postcodes;
        this.taxonomy = taxonomy;
        this.clock = clock;
        this.events = events;
        this.access = access;
    }

    @Transactional
    public Posting create(PostingRequest request) {
        Instant now = clock.instant();
        Posting saved = postings.save(newPosting(request, now, id -> employers.findById(id).orElse(null)));
        events.publishEvent(new PostingChanged(saved.id()));
        return saved;
    }

    /** One row of {@link #createAll}: the stored posting, or why the row was refused (status and fields). */
    public record Created(Optional<Posting> posting, Optional<ApiException> refused) {
    }

    /**
     * Creates many postings in one transaction, each held to exactly the rules of {@link #create} (the caller's
     * employer, status, deadline, taxonomy codes, hours): rows that pass are stored, rows that fail are not and say
     * why, in the order given. The rows are checked before anything is written and saved as one batch; the index
     * follows after commit with one {@link PostingsChanged}, so a batch costs one refresh, not one per posting.
     */
    @Transactional
    public List<Created> createAll(List<PostingRequest> requests) {
        Instant now = clock.instant();
        Map<Long, Optional<Employer>> employersById = new HashMap<>();
        Function<Long, Employer> employer = id -> employersById.computeIfAbsent(id, employers::findById).orElse(null);
        List<Posting> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        List<Created> out = new ArrayList<>(requests.size());
        for (PostingRequest request : requests) {
            try {
                valid.add(newPosting(request, now, employer));
                validRows.add(out.size());
                out.add(null);
            } catch (ApiException e) {
                out.add(new Created(Optional.empty(), Optional.of(e)));
            }
        }
        List<Long> ids = new ArrayList<>(valid.size());
        int i = 0;
        for (Posting saved : postings.saveAll(valid)) {
            out.set(validRows.get(i++), new Created(Optional.of(saved), Optional.empty()));
            ids.add(saved.id());
        }
        if (!ids.isEmpty()) {
            batchEvents.publishEvent(new PostingsChanged(ids));
        }
        return out;
    }

    /** A new posting from a request, checked by every creation rule; nothing is written. */
    private Posting newPosting(PostingRequest request, Instant now, Function<Long, Employer> employer) {
        access.requireOwnEmployer(request.employerId());
        PostingStatus status = request.status() == null ? PostingStatus.OPEN : request.status();
        if (status != PostingStatus.OPEN && status != PostingStatus.DRAFT) {
            throw ApiException.invalid("status", "a new posting is DRAFT or OPEN");
        }
        request.refuseIfDeadlinePassed(LocalDate.now(clock));
        return toPosting(null, request, status, now, now, employer);
    }

    @Transactional
    public Posting update(long id, PostingRequest request) {
        Posting existing = get(id);
        access.requireOwnEmployer(request.employerId());
        if (existing.status() == PostingStatus.CLOSED) {
            throw ApiException.conflict("Posting " + id + " is closed and cannot be changed");
        }
        if (existing.employerId() != request.employerId()) {
            throw ApiException.invalid("employerId", "a posting cannot move to another employer");
        }
        PostingStatus status = request.status() == null ? existing.status() : request.status();
        if (!existing.status().next().contains(status)) {
            throw new ApiException(HttpStatus.CONFLICT, "Posting " + id + " cannot go from " + existing.status()
                    + " to " + status, List.of(new Problem.FieldError("status", "allowed next: "
                    + existing.status().next())));
        }
        Posting updated = postings.update(toPosting(id, request, status, existing.createdAt(), clock.instant(),
                employerId -> employers.findById(employerId).orElse(null)));
        events.publishEvent(new PostingChanged(id));
        return updated;
    }

    /** Closing is idempotent: closing a closed posting changes nothing. */
    @Transactional
    public Posting close(long id) {
        Posting existing = get(id);
        if (existing.status() == PostingStatus.CLOSED) {
            return existing;
        }
        Posting closed = postings.update(existing.withStatus(PostingStatus.CLOSED, clock.instant()));
        events.publishEvent(new PostingChanged(id));
        return closed;
    }

    /**
     * One more slot filled (an accepted proposal): the posting must be open with a free slot (409 otherwise), and
     * becomes FILLED when none is left; it then leaves matching at once.
     */
    @Transactional
    public Posting fillSlot(long id) {
        Posting existing = get(id);
        if (existing.status() != PostingStatus.OPEN || existing.slotsFilled() >= existing.slots()) {
            throw ApiException.conflict("Posting " + id + " has no free slot");
        }
        int filled = existing.slotsFilled() + 1;
        PostingStatus status = filled >= existing.slots() ? PostingStatus.FILLED : PostingStatus.OPEN;
        Posting updated = postings.update(existing.withSlotsFilled(filled, status, clock.instant()));
        events.publishEvent(new PostingChanged(id));
        return updated;
    }

    /** Marks open postings whose application deadline has passed as EXPIRED; returns how many. */
    @Transactional
    public int expireOverdue() {
        LocalDate today = LocalDate.now(clock);
        List<Posting> overdue = postings.findByStatusAndApplicationDeadlineLessThan(PostingStatus.OPEN, today);
        if (overdue.isEmpty()) {
            return 0;
        }
        // One batch and one event: the first night at national scale expires thousands, and a PostingChanged each
        // cost a capacity recompute and an index refresh each (40 s for 1,200 postings, docs/measurements.md).
        Instant now = clock.instant();
        postings.updateAll(overdue.stream().map(p -> p.withStatus(PostingStatus.EXPIRED, now)).toList());
        batchEvents.publishEvent(new PostingsChanged(overdue.stream().map(Posting::id).toList()));
        return overdue.size();
    }

    /** The posting, if the caller may see it (an employer only its own): 404 otherwise, as for a missing one. */
    public Posting get(long id) {
        Posting posting = postings.findById(id).orElseThrow(() -> ApiException.notFound("Posting", id));
        access.posting(id, posting.employerId());
        return posting;
    }

    /** Open postings with an id above {@code afterId}, by id (a job-board feed pages by the last id it got). */
    public List<Posting> open(long afterId, int limit) {
        List<Posting> found = postings.findByStatusAndIdGreaterThanOrderById(PostingStatus.OPEN, afterId,
                Pageable.from(0, limit));
        return access.employerScope().map(own -> found.stream().filter(p -> p.employerId() == own).toList())
                .orElse(found);
    }

    /** A page of the postings the caller may see: an employer's own, everyone else's all. */
    public List<Posting> list(int page, int size) {
        io.micronaut.data.model.Sort byId = io.micronaut.data.model.Sort.of(io.micronaut.data.model.Sort.Order.asc("id"));
        return access.employerScope()
                .map(e -> postings.findByEmployerId(e, Pageable.from(page, size, byId)).getContent())
                .orElseGet(() -> postings.findAll(Pageable.from(page, size, byId)).getContent());
    }

    private Posting toPosting(Long id, PostingRequest r, PostingStatus requestedStatus, Instant created,
                              Instant updated, Function<Long, Employer> employers) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Employer employer = employers.apply(r.employerId());
        if (employer == null) {
            errors.add(new Problem.FieldError("employerId", "unknown employer"));
        }
        // The occupation and skills may be given by code, label or synonym, in Danish or English; they are stored
        // by their canonical taxonomy code, and an unknown term is named with the nearest known ones.
        Taxonomy.Resolved occupation = taxonomy.resolveOccupation("occupationCode", r.occupationCode());
        errors.addAll(occupation.errors());
        Taxonomy.Resolved requiredCodes = taxonomy.resolveSkills("requiredSkills", "", orEmpty(r.requiredSkills()));
        Taxonomy.Resolved desiredCodes = taxonomy.resolveSkills("desiredSkills", "", orEmpty(r.desiredSkills()));
        errors.addAll(requiredCodes.errors());
        errors.addAll(desiredCodes.errors());
        List<String> required = distinct(requiredCodes.codes());
        List<String> desired = distinct(desiredCodes.codes());
        if (r.hoursPerWeek().min() > r.hoursPerWeek().max()) {
            errors.add(new Problem.FieldError("hoursPerWeek.min", "must not exceed hoursPerWeek.max"));
        }
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            errors.add(new Problem.FieldError("endDate", "must not be before startDate"));
        }
        int filled = r.slotsFilled() == null ? 0 : r.slotsFilled();
        if (filled > r.slots()) {
            errors.add(new Problem.FieldError("slotsFilled", "must not exceed slots"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        GeoPoint place = r.workplace() == null ? employer.location() : postcodes.locate(r.workplace(), "workplace");
        String street = r.workplace() == null ? employer.street() : r.workplace().street();
        String postcode = r.workplace() == null ? employer.postcode() : r.workplace().postcode();
        String city = r.workplace() == null ? employer.city() : r.workplace().city();
        // Slots drive the lifecycle: all filled means FILLED, a freed slot reopens a FILLED posting.
        PostingStatus status = requestedStatus;
        if (status == PostingStatus.OPEN && filled >= r.slots()) {
            status = PostingStatus.FILLED;
        } else if (status == PostingStatus.FILLED && filled < r.slots()) {
            status = PostingStatus.OPEN;
        }
        return new Posting(id, r.employerId(), r.kind(), status, r.title().strip(), r.description().strip(),
                occupation.codes().get(0), required, desired, street, postcode, city, place.latitude(), place.longitude(),
                r.hoursPerWeek().min(), r.hoursPerWeek().max(), r.startDate(), r.applicationDeadline(), r.endDate(),
                r.slots(), filled, distinct(r.supportOffered()), distinct(r.physicalDemands()),
                Boolean.TRUE.equals(r.drivingLicenceRequired()), orEmpty(r.languageRequirements()), created, updated);
    }
}
