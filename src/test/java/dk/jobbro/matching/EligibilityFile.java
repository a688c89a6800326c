package dk.jobbro.matching;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The eligibility policy as shipped, read from {@code config/eligibility.yml} without a context. */
public final class EligibilityFile {

    public static final Path FILE = Path.of("config/eligibility.yml");

    private EligibilityFile() {
    }

    @SuppressWarnings("unchecked")
    public static EligibilityPolicy load() {
        try (Reader in = Files.newBufferedReader(FILE)) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> keys = (Map<String, Object>) ((Map<String, Object>) root.get("jobbro")).get("eligibility");
            EligibilityPolicy policy = new EligibilityPolicy();
            policy.setVersion((String) keys.get("version"));
            policy.setAllowedKinds((Map<String, List<String>>) keys.get("allowed-kinds"));
            policy.setInternshipMaxWeeks((Map<String, Integer>) keys.get("internship-max-weeks"));
            policy.validate();
            return policy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
