package dk.jobbro.db;

import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.SystemPropertiesPropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator's environment variable or system property overrides config/, and config/ overrides application.yml. */
class ConfigurationPrecedenceTest {

    @Test
    void theConfigFolderSitsBetweenApplicationYmlAndTheEnvironment() {
        List<PropertySource> sources = EmbeddedDatabaseConfigurer.externalConfiguration(Path.of("config"));
        assertTrue(sources.size() >= 6, sources.size() + " files in config/");
        for (PropertySource source : sources) {
            assertTrue(source.getOrder() > YamlPropertySourceLoader.DEFAULT_POSITION, source.getName());
            assertTrue(source.getOrder() < EnvironmentPropertySource.POSITION, source.getName());
            assertTrue(source.getOrder() < SystemPropertiesPropertySource.POSITION, source.getName());
        }
    }
}
