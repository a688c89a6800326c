package dk.jobbro.db;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Ties the embedded server's stop to this application context: at JVM exit the server stops only after the context
 * has destroyed its beans, so the posting indexer's last read and commit at shutdown still reach the database.
 */
@Context
@Requires(property = EmbeddedDatabaseLifecycle.RUNNING, value = "true")
final class EmbeddedDatabaseLifecycle {

    static final String RUNNING = "jobbro.embedded-db.running";

    EmbeddedDatabaseLifecycle(ApplicationContext context) {
        EmbeddedMariaDb.stopAfter(context);
    }
}
