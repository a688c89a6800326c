package dk.jobbro.security;

import io.micronaut.security.authentication.Authentication;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller as the access layer sees it: subject, role and scope. A consultant without jobcentres and
 * an employer without an employer id own nothing, so they see nothing. A token carries exactly one Jobbro role
 * ({@link TokenRules}), so a limited scope is never combined with an unlimited one.
 */
public record Caller(String subject, Role role, Set<String> jobcentres, Optional<Long> employerId) {

    /** Claim holding a consultant's jobcentres (a list of names, as in {@code config/jobcentres.yml}). */
    static final String JOBCENTRES_CLAIM = "jobcentres";
    /** Claim holding an employer's id in Jobbro. */
    static final String EMPLOYER_CLAIM = "employer_id";

    /**
     * Jobbro itself, outside any HTTP request: start-up, demo data, imports from the command line. It has an
     * administrator's reach; its audit entries name it by its subject. No token can carry this subject's rights:
     * it exists only where no request does.
     */
    static final Caller INTERNAL = new Caller("jobbro (internal)", Role.ADMIN, Set.of(), Optional.empty());

    /** The caller of a validated token; jobcentre names are made canonical and unknown ones dropped. */
    static Optional<Caller> of(Authentication authentication, Jobcentres names) {
        return Role.onlyOf(authentication.getRoles()).map(role -> new Caller(authentication.getName(), role,
                jobcentres(authentication.getAttributes().get(JOBCENTRES_CLAIM), names),
                employerId(authentication.getAttributes().get(EMPLOYER_CLAIM))));
    }

    /** ADMIN and SYSTEM see every jobcentre and employer. */
    public boolean seesEverything() {
        return role == Role.ADMIN || role == Role.SYSTEM;
    }

    public boolean mayReadCitizenOf(String jobcentre) {
        return seesEverything() || (role == Role.CONSULTANT && jobcentres.contains(jobcentre));
    }

    /** SYSTEM reads; it changes nothing about a citizen (the nightly run writes through its own services). */
    public boolean mayChangeCitizenOf(String jobcentre) {
        return role != Role.SYSTEM && mayReadCitizenOf(jobcentre);
    }

    public boolean mayManageEmployer(long employer) {
        return seesEverything() || role == Role.CONSULTANT
                || (role == Role.EMPLOYER && employerId.isPresent() && employerId.get() == employer);
    }

    private static Set<String> jobcentres(Object claim, Jobcentres names) {
        Set<String> out = new LinkedHashSet<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(j -> names.canonical(String.valueOf(j)).ifPresent(out::add));
        } else if (claim instanceof String one) {
            names.canonical(one).ifPresent(out::add);
        }
        return Set.copyOf(out);
    }

    private static Optional<Long> employerId(Object claim) {
        if (claim instanceof Number n && n.longValue() > 0) {
            return Optional.of(n.longValue());
        }
        if (claim instanceof String s && s.matches("[1-9][0-9]{0,17}")) {
            return Optional.of(Long.parseLong(s));
        }
        return Optional.empty();
    }
}
