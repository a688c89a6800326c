package dk.jobbro.security;

import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one access layer: decides, where a record is loaded, whether the caller may see or change it, and audits
 * every access to a citizen's data at the same place, however the request was spelled. Services call it with the
 * record they loaded (its id and owner); lists, searches, candidates and work lists filter through it.
 *
 * <p>Which roles reach an operation at all is decided by {@code @Secured} on the route; this decides which records.
 * Someone else's record answers 404 with the same text as a missing one, so probing ids reveals nothing, and the
 * try is audited as {@link AuditAction#DENIED}. A request body naming someone else's jobcentre or employer answers
 * 403: the caller already knows the name.
 *
 * <p>Outside an HTTP request (start-up, demo data, the nightly run) the caller is Jobbro itself
 * ({@link Caller#INTERNAL}); inside one, a request without an authenticated Jobbro caller is refused.
 */
@Singleton
public class Access {

    private final SecurityService security;
    private final AuditLog audit;
    private final Jobcentres jobcentres;

    Access(SecurityService security, AuditLog audit, Jobcentres jobcentres) {
        this.security = security;
        this.audit = audit;
        this.jobcentres = jobcentres;
    }

    /** The caller of the current request, or Jobbro itself outside a request; 401 for a request without one. */
    public Caller caller() {
        if (ServerRequestContext.currentRequest().isEmpty()) {
            return Caller.INTERNAL;
        }
        Optional<Authentication> authentication = security.getAuthentication();
        return authentication.flatMap(a -> Caller.of(a, jobcentres)).orElseThrow(Access::unauthenticated);
    }

    /** Who did it, for records that name a consultant (not-for entries, flag reviews): the token's subject. */
    public String subject() {
        return caller().subject();
    }

    // ---- citizens

    /**
     * A citizen's record was loaded for {@code action}: passes, and is audited, when the caller may do that; else
     * the try is audited as denied and the answer is 404.
     */
    public void citizen(long citizenId, String jobcentre, AuditAction action) {
        Caller caller = caller();
        boolean allowed = action == AuditAction.READ || action == AuditAction.EXPORT
                ? caller.mayReadCitizenOf(jobcentre) : caller.mayChangeCitizenOf(jobcentre);
        if (!allowed) {
            audit.record(caller, AuditAction.DENIED, citizenId);
            throw ApiException.notFound("Citizen", citizenId);
        }
        audit.record(caller, action, citizenId);
    }

    /** Citizens returned in a list (citizen list, candidates, work list): each is audited as read. */
    public void citizensListed(Collection<Long> citizenIds) {
        if (!citizenIds.isEmpty()) {
            audit.recordAll(caller(), AuditAction.READ, citizenIds);
        }
    }

    /** Jobcentres whose citizens the caller may see; empty means all of them (admin, system). */
    public Optional<Set<String>> jobcentreScope() {
        Caller caller = caller();
        return caller.seesEverything() ? Optional.empty() : Optional.of(caller.role() == Role.CONSULTANT
                ? caller.jobcentres() : Set.of());
    }

    /** Whether a citizen of this jobcentre is visible to the caller: filters candidates. */
    public Predicate<String> citizenVisible() {
        Caller caller = caller();
        return caller::mayReadCitizenOf;
    }

    /**
     * The canonical name of the jobcentre a request places a citizen in, which must be one the caller may change
     * citizens of: 400 for an unknown name, 403 for someone else's.
     */
    public String ownJobcentre(String field, String name) {
        String canonical = canonicalJobcentre(field, name);
        if (!caller().mayChangeCitizenOf(canonical)) {
            throw forbidden(field, "not one of your jobcentres");
        }
        return canonical;
    }

    /** The canonical name of a jobcentre whose citizens a request lists: 400 unknown, 403 someone else's. */
    public String visibleJobcentre(String field, String name) {
        String canonical = canonicalJobcentre(field, name);
        if (!caller().mayReadCitizenOf(canonical)) {
            throw forbidden(field, "not one of your jobcentres");
        }
        return canonical;
    }

    /** The canonical name of a jobcentre; 400 naming the field when no jobcentre has that name. */
    public String canonicalJobcentre(String field, String name) {
        return jobcentres.canonical(name).orElseThrow(() -> ApiException.invalid(field,
                "unknown jobcentre; one of the " + jobcentres.names().size() + " in config/jobcentres.yml"));
    }

    // ---- proposals

    /**
     * A proposal was loaded for {@code action} (READ or CHANGE): an employer reaches only proposals for its own
     * postings, a consultant only those of its own jobcentres' citizens, SYSTEM reads only. Passes and audits the
     * access to the citizen's data, whoever the caller is (an employer reading a proposal learns about a citizen);
     * otherwise 404 as for a missing proposal, and a consultant's try is audited as refused.
     */
    public void proposal(long proposalId, long citizenId, long employerId, String jobcentre, AuditAction action) {
        Caller caller = caller();
        boolean change = action != AuditAction.READ;
        boolean allowed = switch (caller.role()) {
            case ADMIN -> true;
            case SYSTEM -> !change;
            case CONSULTANT -> change ? caller.mayChangeCitizenOf(jobcentre) : caller.mayReadCitizenOf(jobcentre);
            case EMPLOYER -> caller.employerId().isPresent() && caller.employerId().get() == employerId;
        };
        if (!allowed) {
            if (caller.role() == Role.CONSULTANT) {
                audit.record(caller, AuditAction.DENIED, citizenId);
            }
            throw ApiException.notFound("Proposal", proposalId);
        }
        audit.record(caller, action, citizenId);
    }

    /** Whether the caller is a consultant, who sees proposals by jobcentre (employers see theirs by employer). */
    public Role callerRole() {
        return caller().role();
    }

    // ---- employers and postings

    /** A posting was loaded: an employer sees and changes only its own; 404 otherwise. */
    public void posting(long postingId, long employerId) {
        if (!caller().mayManageEmployer(employerId)) {
            throw ApiException.notFound("Posting", postingId);
        }
    }

    /** An employer's record was loaded: an employer sees and changes only its own; 404 otherwise. */
    public void employer(long employerId) {
        if (!caller().mayManageEmployer(employerId)) {
            throw ApiException.notFound("Employer", employerId);
        }
    }

    /** The employer an employer caller is bound to; empty for everyone else (who may see every employer). */
    public Optional<Long> employerScope() {
        Caller caller = caller();
        if (caller.role() != Role.EMPLOYER) {
            return Optional.empty();
        }
        return Optional.of(caller.employerId().orElse(-1L));
    }

    /** Whether the caller is an employer (who may not change its identity or confirmed head count). */
    public boolean callerIsEmployer() {
        return caller().role() == Role.EMPLOYER;
    }

    /** A body that names an employer (a posting's owner): employers may name only themselves. */
    public void requireOwnEmployer(Long employerId) {
        if (employerId != null && !caller().mayManageEmployer(employerId)) {
            throw forbidden("employerId", "not your employer");
        }
    }

    private static ApiException forbidden(String field, String reason) {
        return new ApiException(HttpStatus.FORBIDDEN, "Outside your jobcentres or employer",
                List.of(new Problem.FieldError(field, reason)));
    }

    private static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "A bearer token with one Jobbro role is required", List.of());
    }
}
