package dk.jobbro.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who a caller is to Jobbro, from the {@code roles} claim of the bearer token. When a token carries several,
 * the strongest counts for tenancy (listed strongest first); URL rules in {@code config/security.yml} accept any.
 */
public enum Role {
    /** Everything, across jobcentres and employers, including {@code /api/v1/admin/**}. */
    ADMIN,
    /** The nightly re-matching run: reads citizens and matches across jobcentres, changes nothing. */
    SYSTEM,
    /** A job consultant, scoped to the jobcentres in the {@code jobcentres} claim. */
    CONSULTANT,
    /** An employer, scoped to the one employer in the {@code employer_id} claim. */
    EMPLOYER;

    static Optional<Role> strongestOf(Collection<String> roles) {
        return List.of(values()).stream().filter(r -> roles.contains(r.name())).findFirst();
    }
}
