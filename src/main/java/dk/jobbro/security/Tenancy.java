package dk.jobbro.security;

import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The one place that decides which citizens, employers and postings a caller may see and change. URL rules in
 * {@code config/security.yml} decide which roles reach an endpoint at all; this decides which records.
 *
 * <p>Someone else's record answers 404 with the same text as a missing one, so that probing ids reveals nothing.
 * A request body naming someone else's jobcentre or employer answers 403: the caller already knows the name.
 */
@Singleton
public class Tenancy {

    private final SecurityService security;
    private final OwnerLookup owners;

    Tenancy(SecurityService security, OwnerLookup owners) {
        this.security = security;
        this.owners = owners;
    }

    /** The caller of the current request; 401 when there is none (no rule should let one through). */
    public Caller caller() {
        return security.getAuthentication().flatMap(Caller::of).orElseThrow(Tenancy::unauthenticated);
    }

    static Caller caller(Authentication authentication) {
        return Caller.of(authentication).orElseThrow(Tenancy::unauthenticated);
    }

    /** Jobcentres whose citizens the caller may see; empty means all of them (admin, system). */
    public Optional<Set<String>> jobcentreScope() {
        Caller caller = caller();
        return caller.seesEverything() ? Optional.empty() : Optional.of(caller.role() == Role.CONSULTANT
                ? caller.jobcentres() : Set.of());
    }

    /** Whether a citizen of this jobcentre is visible to the caller: filters lists such as candidates. */
    public Predicate<String> citizenVisible() {
        Caller caller = caller();
        return caller::mayReadCitizenOf;
    }

    /** The employer an employer caller is bound to; empty for everyone else (who may see every employer). */
    public Optional<Long> employerScope() {
        Caller caller = caller();
        if (caller.role() != Role.EMPLOYER) {
            return Optional.empty();
        }
        return Optional.of(caller.employerId().orElse(-1L));
    }

    /** A body that places a citizen in a jobcentre: only one of the caller's own. */
    public void requireOwnJobcentre(String jobcentre) {
        if (!caller().mayReadCitizenOf(jobcentre == null ? "" : jobcentre.strip())) {
            throw forbidden("jobcentre", "not one of your jobcentres");
        }
    }

    /** A body that names an employer (a posting's owner): employers may name only themselves. */
    public void requireOwnEmployer(Long employerId) {
        if (employerId != null && !caller().mayManageEmployer(employerId)) {
            throw forbidden("employerId", "not your employer");
        }
    }

    void checkPosting(Caller caller, long id) {
        Optional<Long> employer = owners.postingEmployer(id);
        if (employer.isPresent() && !caller.mayManageEmployer(employer.get())) {
            throw ApiException.notFound("Posting", id);
        }
    }

    void checkEmployer(Caller caller, long id) {
        if (!caller.mayManageEmployer(id)) {
            throw ApiException.notFound("Employer", id);
        }
    }

    /** Whether the citizen exists but is out of the caller's scope: such a try is audited as denied. */
    boolean citizenHiddenFrom(Caller caller, long id) {
        return owners.citizenJobcentre(id).map(j -> !caller.mayReadCitizenOf(j)).orElse(false);
    }

    private static ApiException forbidden(String field, String reason) {
        return new ApiException(HttpStatus.FORBIDDEN, "Outside your jobcentres or employer",
                List.of(new Problem.FieldError(field, reason)));
    }

    private static ApiException unauthenticated() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "A bearer token with a Jobbro role is required", List.of());
    }
}
