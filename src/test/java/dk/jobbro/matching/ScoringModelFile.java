package dk.jobbro.matching;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * The ranking model as shipped, read from {@code config/scoring.yml} without a context: plain-Java specifications
 * score with the real numbers, not a copy of them. Binds kebab-case keys to the record's components and refuses
 * a file with a key too many or too few.
 */
public final class ScoringModelFile {

    public static final Path FILE = Path.of("config/scoring.yml");

    private ScoringModelFile() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> keys() {
        try (Reader in = Files.newBufferedReader(FILE)) {
            Map<String, Object> root = new Yaml().load(in);
            return (Map<String, Object>) ((Map<String, Object>) root.get("jobbro")).get("scoring");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScoringWeights load() {
        Map<String, Object> keys = keys();
        RecordComponent[] components = ScoringWeights.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        TreeSet<String> unused = new TreeSet<>(keys.keySet());
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            String key = rc.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
            Object v = keys.get(key);
            if (v == null) {
                throw new IllegalStateException(FILE + " has no jobbro.scoring." + key);
            }
            unused.remove(key);
            types[i] = rc.getType();
            args[i] = rc.getType() == String.class ? v.toString()
                    : rc.getType() == int.class ? (Object) ((Number) v).intValue() : (Object) ((Number) v).doubleValue();
        }
        if (!unused.isEmpty()) {
            throw new IllegalStateException(FILE + " has keys no record component reads: " + unused);
        }
        try {
            return ScoringWeights.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
