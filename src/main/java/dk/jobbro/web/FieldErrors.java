package dk.jobbro.web;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a request, keeping the first {@link #LISTED} and counting all of them, so that a body
 * with a hundred thousand bad items costs no more than counting them.
 */
public final class FieldErrors {

    /** At most this many errors are listed in a problem document; {@code errorCount} says how many there were. */
    public static final int LISTED = 100;

    private final List<Problem.FieldError> listed = new ArrayList<>();
    private int count;

    public void add(String field, String reason) {
        count++;
        if (listed.size() < LISTED) {
            listed.add(new Problem.FieldError(field, reason));
        }
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int count() {
        return count;
    }

    public List<Problem.FieldError> listed() {
        return List.copyOf(listed);
    }
}
