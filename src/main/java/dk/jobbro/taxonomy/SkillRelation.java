package dk.jobbro.taxonomy;

import java.util.Locale;
import java.util.Optional;

/** How much a skill matters to an occupation, as ESCO says it; stored in lower case, as ESCO writes it. */
public enum SkillRelation {
    ESSENTIAL, OPTIONAL;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<SkillRelation> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "essential" -> Optional.of(ESSENTIAL);
            case "optional" -> Optional.of(OPTIONAL);
            default -> Optional.empty();
        };
    }
}
