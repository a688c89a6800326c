package dk.jobbro.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's configuration table stays true: every setting the code reads (a {@code jobbro.*} property bound with
 * {@code @Value}/{@code @Property}/{@code @Requires}, a setting read before the context starts, an environment
 * variable, a placeholder in application.yml or logback.xml) is in the table, and every environment variable the
 * table names is read somewhere. Sections of the rule files in {@code config/} are documented in those files.
 */
class ConfigurationReferenceTest {

    private static final Pattern BOUND = Pattern.compile(
            "(?:@Property\\(name = |@Value\\(|@Requires\\(property = |getProperty\\(|fixedDelay = |fixedRate = |cron = )\"\\$?\\{?(jobbro\\.[a-z0-9.-]+)");
    private static final Pattern SETTING = Pattern.compile("setting\\(\"([a-z0-9.-]+)\", \"([A-Z0-9_]+)\"");
    private static final Pattern UNLESS_SET = Pattern.compile("putUnlessSet\\([^,]+, \"([a-z0-9.-]+)\", \"([A-Z0-9_]+)\"");
    private static final Pattern GETENV = Pattern.compile("getenv\\(\"([A-Z0-9_]+)\"\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)(?::-?[^}]*)?}");

    @Test
    void everySettingTheServiceReadsIsInTheReadmeAndEveryListedVariableIsRead() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String table = readme.substring(readme.indexOf("## Configuration"));
        table = table.substring(0, table.indexOf("\n## ", 5));
        String code = sources();
        Set<String> ruleSections = ruleFileSections();

        Set<String> properties = new TreeSet<>();
        Set<String> variables = new TreeSet<>();
        collect(BOUND, code, 1, properties);
        collect(SETTING, code, 1, properties);
        collect(SETTING, code, 2, variables);
        collect(UNLESS_SET, code, 1, properties);
        collect(UNLESS_SET, code, 2, variables);
        collect(GETENV, code, 1, variables);
        collect(PLACEHOLDER, Files.readString(Path.of("src/main/resources/application.yml")), 1, variables);
        collect(PLACEHOLDER, Files.readString(Path.of("src/main/resources/logback.xml")), 1, variables);
        variables.remove("MICRONAUT_SERVER_PORT"); // Micronaut's own name for the port, honoured as it always is

        assertTrue(properties.size() >= 15 && variables.size() >= 10, properties + " " + variables);
        List<String> missing = new ArrayList<>();
        for (String property : properties) {
            boolean ruleFile = ruleSections.stream().anyMatch(section -> property.equals(section)
                    || property.startsWith(section + "."));
            if (!ruleFile && !table.contains("`" + property + "`")) {
                missing.add("property " + property);
            }
        }
        for (String variable : variables) {
            if (!table.contains("`" + variable + "`")) {
                missing.add("environment variable " + variable);
            }
        }
        assertTrue(missing.isEmpty(), "not in the README's configuration table:\n" + String.join("\n", missing));

        Matcher listed = Pattern.compile("`(JOBBRO_[A-Z0-9_]+)`").matcher(table);
        List<String> stale = new ArrayList<>();
        while (listed.find()) {
            String variable = listed.group(1);
            String relaxed = variable.toLowerCase().replace('_', '.');
            boolean read = variables.contains(variable) || properties.stream()
                    .anyMatch(p -> p.replace('-', '.').equals(relaxed));
            if (!read) {
                stale.add(variable);
            }
        }
        assertTrue(stale.isEmpty(), "the README lists variables nothing reads: " + stale);
        for (Path file : configFiles()) {
            assertTrue(table.contains("`" + file.getFileName() + "`"), file + " is not named in the README");
        }
    }

    private static void collect(Pattern pattern, String text, int group, Set<String> into) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            into.add(m.group(group));
        }
    }

    private static String sources() throws IOException {
        StringBuilder all = new StringBuilder();
        for (String root : List.of("src/main/java", "src/main/java8")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static List<Path> configFiles() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("config"))) {
            return files.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    /** The {@code jobbro.<section>} keys the rule files define: their own comments document them. */
    private static Set<String> ruleFileSections() throws IOException {
        Set<String> sections = new TreeSet<>();
        Pattern section = Pattern.compile("(?m)^jobbro:\\s*\\n((?:[ #].*\\n|\\n)*)");
        Pattern key = Pattern.compile("(?m)^  ([a-z0-9-]+):");
        for (Path file : configFiles()) {
            Matcher block = section.matcher(Files.readString(file) + "\n");
            while (block.find()) {
                Matcher k = key.matcher(block.group(1));
                while (k.find()) {
                    sections.add("jobbro." + k.group(1));
                }
            }
        }
        return sections;
    }
}
