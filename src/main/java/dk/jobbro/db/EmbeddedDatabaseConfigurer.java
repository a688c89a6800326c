package dk.jobbro.db;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs before any bean exists: loads the external configuration in {@code config/} and, when no external
 * database URL is configured, starts the embedded MariaDB and points the default datasource at it.
 *
 * <p>Production sets {@code DATASOURCES_DEFAULT_URL} (and user/password) and never starts the embedded server.
 * Tests set {@code jobbro.embedded-db.fresh-database-per-context=true}: every application context then gets
 * its own empty database and index folder on the one shared server.
 */
@ContextConfigurer
public final class EmbeddedDatabaseConfigurer implements ApplicationContextConfigurer {

    static final String DATABASE = "jobbro";

    @Override
    public void configure(ApplicationContextBuilder builder) {
        Path home = home();
        Path dataDir = dataDir();
        // Before anything in the folders is touched: a second Jobbro on them refuses here.
        FolderLock.acquire(dataDir, "data folder");
        Path configDir = configDir(home);
        builder.propertySources(externalConfiguration(configDir).toArray(PropertySource[]::new));

        Map<String, Object> properties = new HashMap<>();
        // Relative folders are relative to the Jobbro home, wherever the process was started from.
        putUnlessSet(properties, "jobbro.resources-dir", "JOBBRO_RESOURCES_DIR", home.resolve("index"));
        putUnlessSet(properties, "jobbro.index.path", "JOBBRO_INDEX_DIR", home.resolve("index").resolve("data"));
        putUnlessSet(properties, "jobbro.taxonomy.seed-dir", "JOBBRO_TAXONOMY_SEED_DIR",
                home.resolve("index").resolve("taxonomy"));
        // Also where the development signing key lives (dk.jobbro.security), with or without the embedded database.
        properties.put("jobbro.data-dir", dataDir.toString());
        boolean freshPerContext = Boolean.parseBoolean(
                setting("jobbro.embedded-db.fresh-database-per-context", "JOBBRO_FRESH_DATABASE_PER_CONTEXT", "false"));
        if (!freshPerContext) {
            FolderLock.acquire(indexDir(home), "index folder");
        }
        if (setting("datasources.default.url", "DATASOURCES_DEFAULT_URL", null) != null) {
            builder.properties(properties);
            return;
        }
        String database = freshPerContext ? EmbeddedMariaDb.nextDatabaseName("jobbro_test") : DATABASE;
        EmbeddedMariaDb.Connection connection = EmbeddedMariaDb.connectionFor(dataDir, database);
        properties.put("datasources.default.url", connection.url());
        properties.put("datasources.default.username", connection.username());
        properties.put("datasources.default.password", connection.password());
        properties.put(EmbeddedDatabaseLifecycle.RUNNING, true);
        if (freshPerContext) {
            properties.put("jobbro.index.path", dataDir.resolve("index").resolve(database).toString());
        }
        builder.properties(properties);
    }

    /**
     * The folder holding {@code config/} and {@code index/}: {@code JOBBRO_HOME}; else the first of the working
     * directory, its parent (development runs start in {@code target/}), the jar's folder and its parent that holds
     * {@code config/}. Refuses, naming where it looked, when none does.
     */
    public static Path home() {
        String explicit = setting("jobbro.home", "JOBBRO_HOME", null);
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        List<Path> candidates = homeCandidates();
        String configName = setting("jobbro.config-dir", "JOBBRO_CONFIG_DIR", "config");
        if (Path.of(configName).isAbsolute()) {
            return candidates.get(0);
        }
        return candidates.stream().filter(c -> Files.isDirectory(c.resolve(configName))).findFirst()
                .orElseThrow(() -> new StartupRefused("No " + configName + "/ folder found; looked in "
                        + candidates.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + ". Start Jobbro in the folder that holds config/, or set JOBBRO_HOME to that folder."));
    }

    private static List<Path> homeCandidates() {
        Set<Path> candidates = new LinkedHashSet<>();
        Path cwd = Path.of("").toAbsolutePath();
        candidates.add(cwd);
        if (cwd.getParent() != null) {
            candidates.add(cwd.getParent());
        }
        try {
            Path code = Path.of(EmbeddedDatabaseConfigurer.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toAbsolutePath();
            // target/jobbro.jar or target/classes: the jar's folder, then the project.
            Path folder = code.getParent();
            if (folder != null) {
                candidates.add(folder);
                if (folder.getParent() != null) {
                    candidates.add(folder.getParent());
                }
            }
        } catch (URISyntaxException | RuntimeException e) {
            // No code source (unusual class loaders): the working directory decides.
        }
        return List.copyOf(candidates);
    }

    /** The config folder ({@code JOBBRO_CONFIG_DIR}, relative to the Jobbro home); refuses when it is missing. */
    public static Path configDir(Path home) {
        Path configDir = home.resolve(setting("jobbro.config-dir", "JOBBRO_CONFIG_DIR", "config"));
        if (!Files.isDirectory(configDir)) {
            throw new StartupRefused("No configuration folder " + configDir + " (rules and weights). Set JOBBRO_HOME to "
                    + "the folder that holds config/, or JOBBRO_CONFIG_DIR to the config folder itself.");
        }
        return configDir;
    }

    /** The data folder ({@code JOBBRO_DATA_DIR}, relative to the Jobbro home): embedded database, development key. */
    public static Path dataDir() {
        return home().resolve(setting("jobbro.data-dir", "JOBBRO_DATA_DIR", "data")).normalize();
    }

    private static Path indexDir(Path home) {
        return home.resolve(setting("jobbro.index.path", "JOBBRO_INDEX_DIR", "index/data")).normalize();
    }

    private static void putUnlessSet(Map<String, Object> properties, String property, String environmentVariable,
                                     Path value) {
        if (setting(property, environmentVariable, null) == null) {
            properties.put(property, value.toString());
        }
    }

    /** Every {@code *.yml} in the config folder becomes a property source, above application.yml. */
    /**
     * Where config/ stands among Micronaut's property sources: above application.yml (-300), below environment
     * variables (-200) and system properties (-100), so an operator's {@code JOBBRO_...} or {@code -D...} setting
     * overrides a rule file, as the README's configuration table promises.
     */
    static final int CONFIG_FOLDER_ORDER = -250;

    static List<PropertySource> externalConfiguration(Path configDir) {
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        try (Stream<Path> files = Files.list(configDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().map(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    Map<String, Object> values = loader.read(file.getFileName().toString(), in);
                    return PropertySource.of("config/" + file.getFileName(), values, CONFIG_FOLDER_ORDER);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read configuration file " + file, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list configuration folder " + configDir, e);
        }
    }

    static String setting(String property, String environmentVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
