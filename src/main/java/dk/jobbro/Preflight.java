package dk.jobbro;

import dk.jobbro.db.EmbeddedDatabaseConfigurer;
import dk.jobbro.db.FolderLock;
import dk.jobbro.db.StartupRefused;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * What can stop a start, checked in a second before the slow part (unpacking and starting MariaDB, migrations,
 * the index): the config folder, the data folder's lock, the HTTP port. Each refusal says what to do.
 */
final class Preflight {

    private Preflight() {
    }

    static void check() {
        EmbeddedDatabaseConfigurer.configDir(EmbeddedDatabaseConfigurer.home());
        FolderLock.acquire(EmbeddedDatabaseConfigurer.dataDir(), "data folder");
        int port = port();
        if (port > 0) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(port));
            } catch (IOException e) {
                throw new StartupRefused("Port " + port + " is taken (another Jobbro, or another program). Stop it, or "
                        + "set JOBBRO_PORT to a free port, e.g. JOBBRO_PORT=" + (port + 1) + ".");
            }
        }
    }

    /** As application.yml reads it: micronaut.server.port, else JOBBRO_PORT, else 8080. */
    private static int port() {
        String value = System.getProperty("micronaut.server.port");
        if (value == null || value.isBlank()) {
            value = System.getenv("MICRONAUT_SERVER_PORT");
        }
        if (value == null || value.isBlank()) {
            value = System.getenv("JOBBRO_PORT");
        }
        try {
            return value == null || value.isBlank() ? 8080 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new StartupRefused("JOBBRO_PORT must be a port number, not '" + value + "'.");
        }
    }
}
