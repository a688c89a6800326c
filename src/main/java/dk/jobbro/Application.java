package dk.jobbro;

import io.micronaut.runtime.Micronaut;

/** Starts the Jobbro service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
