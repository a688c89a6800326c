package dk.jobbro.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A mariadbd left running on our data folder by a Jobbro that was killed (kill -9, OOM killer): it still holds
 * the folder's InnoDB locks, so a new server could not start. Called with the data folder lock held, so no live
 * Jobbro owns it: the server is ended cleanly (SIGTERM: InnoDB flushes), forcibly only if it will not stop.
 */
final class OrphanedServer {

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);
    /** A clean InnoDB shutdown of a small database takes about a second; a large buffer pool can take longer. */
    private static final Duration CLEAN_STOP = Duration.ofSeconds(60);

    private OrphanedServer() {
    }

    /** Ends a mariadbd that a pid file in {@code mariadbDataDir} names, if it really is one serving that folder. */
    static void endIfRunning(Path mariadbDataDir) {
        for (Path pidFile : pidFiles(mariadbDataDir)) {
            Optional<ProcessHandle> process = readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) {
                continue;
            }
            ProcessHandle server = process.get();
            if (!servesFolder(server, mariadbDataDir)) {
                // The pid was reused by another program after the server died: not ours to end.
                continue;
            }
            LOG.warn("A MariaDB server (pid {}) left behind by a Jobbro that did not stop cleanly still runs on {}; "
                    + "stopping it", server.pid(), mariadbDataDir);
            server.destroy();
            if (!waitForExit(server, CLEAN_STOP)) {
                LOG.warn("MariaDB server pid {} did not stop within {} s; killing it", server.pid(),
                        CLEAN_STOP.toSeconds());
                server.destroyForcibly();
                if (!waitForExit(server, Duration.ofSeconds(10))) {
                    throw new StartupRefused("A MariaDB server (pid " + server.pid() + ") still runs on " + mariadbDataDir
                            + " and could not be stopped. End it (kill -9 " + server.pid() + ") and start Jobbro again.");
                }
            }
        }
    }

    /** Ours ({@code mariadbd.pid}) and the hostname-named one of older Jobbro versions. */
    private static List<Path> pidFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.US_ASCII).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Linux: {@code /proc/<pid>/cmdline}; elsewhere what the JDK knows of the command line. */
    static boolean servesFolder(ProcessHandle process, Path mariadbDataDir) {
        String commandLine;
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            commandLine = Files.readString(proc, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException | RuntimeException e) {
            commandLine = process.info().commandLine().orElse("");
        }
        boolean isMariaDb = commandLine.contains("mariadbd") || commandLine.contains("mysqld");
        if (!isMariaDb) {
            return false;
        }
        if (commandLine.contains("--datadir=" + mariadbDataDir.toAbsolutePath())) {
            return true;
        }
        try {
            return commandLine.contains("--datadir=" + mariadbDataDir.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
