package dk.jobbro.taxonomy;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;

/**
 * Where the running (or the latest) ESCO import stands, for the administrator's page: the file being read, rows
 * read in it, files done of all, and at the end its result or why it failed. Updated by {@link EscoImporter} every
 * {@link #EVERY} rows; read from any thread.
 */
@Singleton
public final class EscoImportProgress {

    /** Rows between updates: often enough for a bar that moves, rare enough to cost nothing. */
    static final int EVERY = 1_000;

    /** {@code file}/{@code rows}: the file being read; {@code result} or {@code error} once finished. */
    public record State(boolean running, Instant startedAt, int filesDone, int filesTotal, @Nullable String file,
                        long rows, @Nullable EscoImportResult result, @Nullable String error) {
    }

    private volatile State state;

    public java.util.Optional<State> current() {
        return java.util.Optional.ofNullable(state);
    }

    /** Whether an import is under way (one at a time). */
    public boolean running() {
        State s = state;
        return s != null && s.running();
    }

    void started(int filesTotal) {
        state = new State(true, Instant.now(), 0, filesTotal, null, 0, null, null);
    }

    void reading(String file, long rows) {
        State s = state;
        state = new State(true, s.startedAt(), s.filesDone(), s.filesTotal(), file, rows, null, null);
    }

    void fileDone() {
        State s = state;
        state = new State(true, s.startedAt(), s.filesDone() + 1, s.filesTotal(), s.file(), s.rows(), null, null);
    }

    void finished(EscoImportResult result) {
        State s = state;
        state = new State(false, s.startedAt(), s.filesTotal(), s.filesTotal(), null, 0, result, null);
    }

    void failed(String error) {
        State s = state;
        state = new State(false, s == null ? Instant.now() : s.startedAt(), s == null ? 0 : s.filesDone(),
                s == null ? 0 : s.filesTotal(), null, 0, null, error);
    }
}
