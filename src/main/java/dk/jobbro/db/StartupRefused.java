package dk.jobbro.db;

/**
 * Jobbro will not start, for a reason a person can fix; the message says what to do. The launcher prints the
 * message alone, without a stack trace.
 */
public final class StartupRefused extends RuntimeException {

    public StartupRefused(String message) {
        super(message);
    }
}
