package dk.jobbro.matching;

import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.posting.PostingKind;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which kinds of opening each target group may be offered, from {@code config/eligibility.yml}. Validated at
 * start-up: a missing target group or an unknown kind stops the service with a message naming it.
 */
@Context
@ConfigurationProperties("jobbro.eligibility")
public final class EligibilityPolicy {

    private String version = "";
    private Map<String, List<String>> allowedKinds = Map.of();
    private Map<String, Integer> internshipMaxWeeks = Map.of();
    // Resolved once at start-up: matching reads them for every citizen it considers.
    private volatile Map<TargetGroup, Set<PostingKind>> kindsByGroup = Map.of();
    private volatile Map<TargetGroup, Integer> weeksByGroup = Map.of();

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public void setInternshipMaxWeeks(Map<String, Integer> internshipMaxWeeks) {
        this.internshipMaxWeeks = internshipMaxWeeks;
    }

    public void setAllowedKinds(Map<String, List<String>> allowedKinds) {
        this.allowedKinds = allowedKinds;
    }

    /** Resolves the configuration; fails start-up when it is incomplete or wrong. */
    @PostConstruct
    void validate() {
        Map<TargetGroup, Integer> weeks = new EnumMap<>(TargetGroup.class);
        internshipMaxWeeks.forEach((group, max) -> {
            TargetGroup g = parse(TargetGroup.class, normalise(group), "jobbro.eligibility.internship-max-weeks key");
            if (max == null || max < 1) {
                throw new IllegalStateException("config/eligibility.yml: jobbro.eligibility.internship-max-weeks."
                        + group + " must be a positive number of weeks (leave the group out for no limit)");
            }
            weeks.put(g, max);
        });
        kindsByGroup = resolve(allowedKinds);
        weeksByGroup = weeks;
    }

    public Set<PostingKind> allowedKinds(TargetGroup group) {
        return kindsByGroup.get(group);
    }

    /** The longest internship for the group in weeks, or null when there is no fixed limit. */
    public Integer internshipMaxWeeks(TargetGroup group) {
        return weeksByGroup.get(group);
    }

    static Map<TargetGroup, Set<PostingKind>> resolve(Map<String, List<String>> raw) {
        Map<TargetGroup, Set<PostingKind>> out = new EnumMap<>(TargetGroup.class);
        raw.forEach((group, kinds) -> {
            TargetGroup g = parse(TargetGroup.class, normalise(group), "jobbro.eligibility.allowed-kinds key");
            EnumSet<PostingKind> set = EnumSet.noneOf(PostingKind.class);
            for (String kind : kinds) {
                set.add(parse(PostingKind.class, normalise(kind), "jobbro.eligibility.allowed-kinds." + group));
            }
            out.put(g, Set.copyOf(set));
        });
        for (TargetGroup g : TargetGroup.values()) {
            if (!out.containsKey(g)) {
                throw new IllegalStateException("config/eligibility.yml: jobbro.eligibility.allowed-kinds has no entry for "
                        + g + "; every target group needs one (an empty list is allowed)");
            }
        }
        return out;
    }

    private static String normalise(String key) {
        return key.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String where) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("config/eligibility.yml: " + where + " has unknown value '" + value
                    + "'; allowed: " + Arrays.toString(type.getEnumConstants()), e);
        }
    }
}
