package dk.jobbro.pages;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What every page shows around its content: title, who is signed in, the navigation, a message, the CSRF token. */
public record Layout(String title, @Nullable String user, List<Link> nav, @Nullable String message, String csrf) {

    /** A navigation entry; {@code current} marks the page shown (aria-current). */
    public record Link(String label, String href, boolean current) {
    }

    public boolean signedIn() {
        return user != null;
    }
}
