package dk.jobbro.db;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.ApplicationContextConfigurer;
import io.micronaut.context.annotation.ContextConfigurer;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Path configDir = home.resolve(setting("jobbro.config-dir", "JOBBRO_CONFIG_DIR", "config"));
        builder.propertySources(externalConfiguration(configDir).toArray(PropertySource[]::new));

        Map<String, Object> properties = new HashMap<>();
        // Relative folders are relative to the Jobbro home, wherever the process was started from.
        putUnlessSet(properties, "jobbro.resources-dir", "JOBBRO_RESOURCES_DIR", home.resolve("index"));
        putUnlessSet(properties, "jobbro.index.path", "JOBBRO_INDEX_DIR", home.resolve("index").resolve("data"));
        putUnlessSet(properties, "jobbro.taxonomy.seed-dir", "JOBBRO_TAXONOMY_SEED_DIR",
                home.resolve("index").resolve("taxonomy"));
        Path dataDir = dataDir();
        // Also where the development signing key lives (dk.jobbro.security), with or without the embedded database.
        properties.put("jobbro.data-dir", dataDir.toString());
        if (setting("datasources.default.url", "DATASOURCES_DEFAULT_URL", null) != null) {
            builder.properties(properties);
            return;
        }
        boolean freshPerContext = Boolean.parseBoolean(
                setting("jobbro.embedded-db.fresh-database-per-context", "JOBBRO_FRESH_DATABASE_PER_CONTEXT", "false"));
        String database = freshPerContext ? EmbeddedMariaDb.nextDatabaseName("jobbro_test") : DATABASE;
        properties.put("datasources.default.url", EmbeddedMariaDb.urlFor(dataDir, database));
        properties.put("datasources.default.username", "root");
        properties.put("datasources.default.password", "");
        if (freshPerContext) {
            properties.put("jobbro.index.path", dataDir.resolve("index").resolve(database).toString());
        }
        builder.properties(properties);
    }

    /**
     * The folder holding {@code config/} and {@code index/}: {@code JOBBRO_HOME}, else the working directory, else
     * its parent when that is the project (development runs start in {@code target/}).
     */
    static Path home() {
        String explicit = setting("jobbro.home", "JOBBRO_HOME", null);
        if (explicit != null) {
            return Path.of(explicit).toAbsolutePath();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(cwd.resolve("config")) && cwd.getParent() != null
                && Files.isDirectory(cwd.getParent().resolve("config"))) {
            return cwd.getParent();
        }
        return cwd;
    }

    /** The data folder ({@code JOBBRO_DATA_DIR}, relative to the Jobbro home): embedded database, development key. */
    public static Path dataDir() {
        return home().resolve(setting("jobbro.data-dir", "JOBBRO_DATA_DIR", "data"));
    }

    private static void putUnlessSet(Map<String, Object> properties, String property, String environmentVariable,
                                     Path value) {
        if (setting(property, environmentVariable, null) == null) {
            properties.put(property, value.toString());
        }
    }

    /** Every {@code *.yml} in the config folder becomes a property source, above application.yml. */
    private static List<PropertySource> externalConfiguration(Path configDir) {
        if (!Files.isDirectory(configDir)) {
            return List.of();
        }
        YamlPropertySourceLoader loader = new YamlPropertySourceLoader();
        try (Stream<Path> files = Files.list(configDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().map(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    Map<String, Object> values = loader.read(file.getFileName().toString(), in);
                    return PropertySource.of("config/" + file.getFileName(), values, 100);
                } catch (IOException e) {
                    throw new UncheckedIOException("Cannot read configuration file " + file, e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list configuration folder " + configDir, e);
        }
    }

    private static String setting(String property, String environmentVariable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
