package dk.jobbro;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;

/**
 * The jar's entry point, compiled for Java 8 so that an old JVM reads it and says which JDK to use instead of
 * failing with UnsupportedClassVersionError. Everything else is reached by reflection.
 *
 * <pre>
 * java -jar jobbro.jar                      the service
 * java -jar jobbro.jar tokens [ROLE scope]  demo tokens signed with the development key (dk.jobbro.security.DemoTokens)
 * </pre>
 */
public final class Launcher {

    static final int REQUIRED_JAVA = 21;

    private Launcher() {
    }

    public static void main(String[] args) throws Throwable {
        String refusal = refusal(System.getProperty("java.specification.version"), System.getProperty("java.home"));
        if (refusal != null) {
            System.err.println(refusal);
            System.exit(3);
        }
        if (args.length > 0 && "tokens".equals(args[0])) {
            tokens(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        try {
            Class.forName("dk.jobbro.Application").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The message for a JVM too old to run Jobbro, or null. {@code specification}: "1.8", "17", "25". */
    static String refusal(String specification, String javaHome) {
        String major = specification.startsWith("1.") ? specification.substring(2) : specification;
        int version;
        try {
            version = Integer.parseInt(major.split("\\.")[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        if (version >= REQUIRED_JAVA) {
            return null;
        }
        return "Jobbro needs Java " + REQUIRED_JAVA + " or newer; this is Java " + specification + " (" + javaHome
                + "). Run it with a newer JDK, e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar target/jobbro-*.jar";
    }

    /** Prints demo tokens; a mistake gets a one-line message, never a stack trace. */
    private static void tokens(String[] args) {
        try {
            Class.forName("dk.jobbro.security.DemoTokens").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            String message = cause instanceof NumberFormatException
                    ? "an EMPLOYER token needs a numeric employer id, e.g. tokens EMPLOYER 7"
                    : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            System.err.println("Cannot print demo tokens: " + message);
            System.exit(1);
        } catch (ReflectiveOperationException | LinkageError e) {
            System.err.println("Cannot print demo tokens: " + e);
            System.exit(1);
        }
    }
}
