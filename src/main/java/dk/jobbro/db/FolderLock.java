package dk.jobbro.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Jobbro per folder: an OS lock on {@code jobbro.lock} in the folder, holding the pid, taken before anything in
 * the folder is touched and held for the life of the JVM (the OS drops it when the process dies, even by kill -9).
 * Taking it again in the same JVM is a no-op: test contexts share one data folder.
 *
 * <p>Never open the lock file elsewhere in the holding JVM: closing any descriptor of it drops the POSIX lock.
 */
public final class FolderLock {

    static final String FILE = "jobbro.lock";

    /** Process-wide by nature: the OS lock belongs to the process. */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private FolderLock() {
    }

    /**
     * Locks {@code folder} (creating it), or refuses with {@link StartupRefused} when another process holds it.
     * {@code what} names the folder in the message, e.g. "data folder".
     */
    public static synchronized void acquire(Path folder, String what) {
        Path dir = folder.toAbsolutePath().normalize();
        if (HELD.containsKey(dir)) {
            return;
        }
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = readPid(channel);
                channel.close();
                throw new StartupRefused("Jobbro is already running on this " + what + " (pid " + holder + "): "
                        + dir + ". Stop that process first, or give this one another folder (JOBBRO_DATA_DIR, "
                        + "JOBBRO_INDEX_DIR).");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
                    0);
            channel.force(true);
            HELD.put(dir, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    private static String readPid(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return pid.isEmpty() ? "unknown" : pid;
    }
}
