package dk.jobbro.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller as tenancy sees it: subject, role and scope. A consultant without jobcentres and an
 * employer without an employer id own nothing, so they see nothing.
 */
public record Caller(String subject, Role role, Set<String> jobcentres, Optional<Long> employerId) {

    /** Claim holding a consultant's jobcentres (a list of names, as in {@code citizen.jobcentre}). */
    static final String JOBCENTRES_CLAIM = "jobcentres";
    /** Claim holding an employer's id in Jobbro. */
    static final String EMPLOYER_CLAIM = "employer_id";

    static Optional<Caller> of(Authentication authentication) {
        return Role.strongestOf(authentication.getRoles()).map(role -> new Caller(authentication.getName(), role,
                jobcentres(authentication.getAttributes().get(JOBCENTRES_CLAIM)),
                employerId(authentication.getAttributes().get(EMPLOYER_CLAIM))));
    }

    /** ADMIN and SYSTEM see every jobcentre and employer. */
    public boolean seesEverything() {
        return role == Role.ADMIN || role == Role.SYSTEM;
    }

    public boolean mayReadCitizenOf(String jobcentre) {
        return seesEverything() || (role == Role.CONSULTANT && jobcentres.contains(jobcentre));
    }

    public boolean mayManageEmployer(long employer) {
        return seesEverything() || role == Role.CONSULTANT
                || (role == Role.EMPLOYER && employerId.isPresent() && employerId.get() == employer);
    }

    private static Set<String> jobcentres(Object claim) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(j -> out.add(String.valueOf(j)));
        } else if (claim instanceof String one && !one.isBlank()) {
            out.add(one);
        }
        return Set.copyOf(out);
    }

    private static Optional<Long> employerId(Object claim) {
        if (claim instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (claim instanceof String s && s.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }
}
