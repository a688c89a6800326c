package dk.jobbro.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who a caller is to Jobbro, from the {@code roles} claim of the bearer token. A token names exactly one of these
 * ({@link TokenRules} refuses others): combining an unlimited role with a limited one would hand one scope's
 * rights to the other. The names are also the role strings of {@code @Secured}.
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

    /** Role names for {@code @Secured}, checked against the enum by {@code RouteRulesTest}. */
    public static final String ADMIN_ROLE = "ADMIN";
    public static final String SYSTEM_ROLE = "SYSTEM";
    public static final String CONSULTANT_ROLE = "CONSULTANT";
    public static final String EMPLOYER_ROLE = "EMPLOYER";

    static boolean isRole(String name) {
        return List.of(values()).stream().anyMatch(r -> r.name().equals(name));
    }

    /** The one Jobbro role among the claim's roles; empty for none or more than one. */
    static Optional<Role> onlyOf(Collection<String> roles) {
        List<Role> found = List.of(values()).stream().filter(r -> roles.contains(r.name())).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }
}
