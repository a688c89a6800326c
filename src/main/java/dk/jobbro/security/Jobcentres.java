package dk.jobbro.security;

import io.micronaut.context.annotation.Property;
import jakarta.inject.Singleton;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical jobcentre names ({@code config/jobcentres.yml}, one per municipality). Case, spacing, Unicode
 * normal form and a leading "Jobcenter" never make two names: {@code " aarhus"}, {@code "AARHUS"} and
 * {@code "Jobcenter Aarhus"} are all {@code Aarhus}.
 */
@Singleton
public class Jobcentres {

    private final Map<String, String> byKey = new HashMap<>();
    private final List<String> names;

    Jobcentres(@Property(name = "jobbro.jobcentres.names") List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalStateException("config/jobcentres.yml lists no jobcentres (jobbro.jobcentres.names)");
        }
        for (String name : names) {
            String previous = byKey.put(key(name), name);
            if (previous != null) {
                throw new IllegalStateException("config/jobcentres.yml names one jobcentre twice: " + previous
                        + " and " + name);
            }
        }
        this.names = List.copyOf(names);
    }

    /** The canonical name, or empty when the name is no jobcentre of the list. */
    public Optional<String> canonical(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(key(name)));
    }

    public List<String> names() {
        return names;
    }

    static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
        return n.startsWith("jobcenter ") ? n.substring("jobcenter ".length()).strip() : n;
    }
}
