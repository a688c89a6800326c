package dk.jobbro.taxonomy;

import dk.jobbro.web.ApiException;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * Imports an ESCO CSV folder from the command line, against the configured database (the embedded one in
 * {@code data/} unless {@code DATASOURCES_DEFAULT_URL} is set), then exits:
 *
 * <pre>JAVA_HOME=... ./mvnw -q exec:java -Dexec.mainClass=dk.jobbro.taxonomy.EscoImportCommand -Dexec.args=/path/to/esco</pre>
 *
 * Stop the service first when it uses the same embedded database or index folder (both are locked by their
 * owner); against a running service use {@code POST /api/v1/admin/taxonomy/esco-import} instead.
 */
public final class EscoImportCommand {

    private EscoImportCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EscoImportCommand <folder with ESCO CSV files>");
            System.exit(2);
        }
        int status = 0;
        // Demo data is for a first start of the service, not for an import into an empty database.
        try (ApplicationContext context = ApplicationContext.builder()
                .properties(Map.of("jobbro.demo-data.enabled", false)).start()) {
            EscoImportResult result = context.getBean(EscoImporter.class).importDirectory(Path.of(args[0]));
            System.out.println(result);
        } catch (ApiException e) {
            System.err.println("ESCO import refused: " + e.getMessage() + " " + e.errors());
            status = 1;
        }
        // The embedded database's watcher threads would keep the JVM alive; its shutdown hook stops the server.
        System.exit(status);
    }
}
