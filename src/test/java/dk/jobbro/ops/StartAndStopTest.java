package dk.jobbro.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The service as an operator meets it: started as a child JVM (the built classes and the test classpath) on its own
 * data folder, stopped cleanly, killed, started twice.
 */
class StartAndStopTest {

    static final String JAVA = ProcessHandle.current().info().command().orElse("java");
    /** The test classpath without the test classes: their configurer would replace the development key. */
    static final String MAIN_CLASSPATH = java.util.Arrays.stream(
                    System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes")).collect(java.util.stream.Collectors.joining(
                    java.io.File.pathSeparator));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Every child JVM and data folder of the test, so that a failed assertion leaves no service running. */
    static final List<Process> CHILDREN = new ArrayList<>();
    static final List<Path> DATA_FOLDERS = new ArrayList<>();

    @AfterEach
    void endWhatTheTestStarted() throws IOException {
        endChildren();
    }

    /** Ends every child JVM a test of this package started, and any mariadbd it left in its data folders. */
    static void endChildren() throws IOException {
        for (Process child : CHILDREN) {
            child.destroyForcibly();
        }
        CHILDREN.clear();
        for (Path data : DATA_FOLDERS) {
            Path mariadb = data.resolve("mariadb");
            if (Files.isDirectory(mariadb)) {
                try (var files = Files.list(mariadb)) {
                    for (Path pid : files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList()) {
                        String text = Files.readString(pid).strip();
                        if (text.matches("\\d+")) {
                            ProcessHandle.of(Long.parseLong(text)).ifPresent(ProcessHandle::destroyForcibly);
                        }
                    }
                }
            }
        }
        DATA_FOLDERS.clear();
    }

    @Test
    void acknowledgedRecordsSurviveACleanStopAndAKillAndASecondStartRefusesWhileTheFirstRuns() throws Exception {
        Path data = Files.createTempDirectory("jobbro-restarts");
        Service first = Service.up(data, freePort());
        String admin = tokens(data, "ADMIN").trim();

        Service second = Service.start(data, freePort());
        assertTrue(second.process.waitFor(60, TimeUnit.SECONDS), "the second start should refuse at once");
        assertEquals(2, second.process.exitValue());
        assertTrue(second.log().contains("Jobbro is already running on this data folder (pid " + first.process.pid()
                + ")"), second.log());
        assertFalse(second.log().contains("Exception"), second.log());

        long employer = first.create(admin, "/api/v1/employers", """
                {"name":"Havnens Lager ApS","cvr":"29876541","ordinaryEmployees":35,
                 "address":{"street":"Sydhavnsgade 4","postcode":"8000","city":"Aarhus C"}}""");
        long posting = first.create(admin, "/api/v1/postings", """
                {"employerId":%d,"kind":"INTERNSHIP","title":"Lagermedarbejder i praktik",
                 "description":"Pluk og pak","occupationCode":"432110","requiredSkills":["forklift-operation"],
                 "hoursPerWeek":{"min":15,"max":30},"slots":2,"supportOffered":["MENTOR"]}""".formatted(employer));
        first.stop();
        assertTrue(first.log().contains("Embedded MariaDB stopped"), first.log());

        Service afterCleanStop = Service.up(data, freePort());
        assertTrue(afterCleanStop.log().contains("Posting index is current (1 documents)"), afterCleanStop.log());
        assertFalse(afterCleanStop.log().contains("Rebuilding the posting index"), afterCleanStop.log());
        assertEquals(200, afterCleanStop.get(admin, "/api/v1/postings/" + posting));
        long acknowledged = afterCleanStop.create(admin, "/api/v1/employers", """
                {"name":"Kajens Værksted","cvr":"29876568","ordinaryEmployees":5,
                 "address":{"street":"Kajgade 1","postcode":"8000","city":"Aarhus C"}}""");
        afterCleanStop.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        Service afterKill = Service.up(data, freePort());
        assertEquals(200, afterKill.get(admin, "/api/v1/employers/" + acknowledged), afterKill.log());
        afterKill.stop();
        assertFalse(Files.exists(data.resolve("mariadb").resolve("mariadbd.pid")), "mariadbd still running");
    }

    @Test
    void aTakenPortAndAMissingConfigFolderAreNamedBeforeAnythingStarts() throws Exception {
        Path elsewhere = Files.createTempDirectory("jobbro-elsewhere");
        try (ServerSocket taken = new ServerSocket(0)) {
            Process p = launch(elsewhere, elsewhere.resolve("data"), taken.getLocalPort(), List.of());
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), out);
            assertTrue(out.contains("Port " + taken.getLocalPort() + " is taken") && out.contains("JOBBRO_PORT"), out);
        }
        Process p = launch(elsewhere, elsewhere.resolve("data"), freePort(), List.of("-Djobbro.config-dir=no-such-config"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("No no-such-config/ folder found; looked in " + elsewhere.toRealPath()), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void theTokensCommandWorksFromAnyFolderAndExplainsMistakesWithoutAStackTrace() throws Exception {
        Path elsewhere = Files.createTempDirectory("jobbro-tokens");
        String token = tokens(elsewhere.resolve("data"), "EMPLOYER", "7");
        assertEquals(3, token.trim().split("\\.").length, token);
        ProcessBuilder builder = command(elsewhere, elsewhere.resolve("data"), List.of(), "tokens", "EMPLOYER", "seven");
        Process p = builder.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("numeric employer id"), out);
        assertFalse(out.contains("\tat "), out);
    }

    /** The service in a child JVM, started in {@code data} and waited for until it serves. */
    record Service(Process process, Path logFile, int port) {

        static final int STARTUP_SECONDS = 240;

        static Service start(Path data, int port) throws Exception {
            Path log = Files.createTempFile(data.getParent(), "jobbro-child", ".log");
            ProcessBuilder builder = command(Path.of("").toAbsolutePath(), data, List.of(
                    "-Dmicronaut.server.port=" + port));
            builder.redirectOutput(log.toFile());
            Service service = new Service(builder.start(), log, port);
            CHILDREN.add(service.process);
            DATA_FOLDERS.add(data);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_SECONDS);
            while (System.nanoTime() < deadline && service.process.isAlive()
                    && !service.log().contains("Startup completed")) {
                Thread.sleep(100);
            }
            return service;
        }

        /**
         * {@link #start} for a service that must come up: fails with the child's log when it ended or did not
         * report started in time (a restart after a kill first ends the orphaned mariadbd, which on a loaded CI
         * machine took longer than the two minutes once waited, and the test then failed on a refused connection
         * without saying why).
         */
        static Service up(Path data, int port) throws Exception {
            Service service = start(data, port);
            if (!service.log().contains("Startup completed")) {
                fail((service.process.isAlive() ? "not started within " + STARTUP_SECONDS + " s"
                        : "ended with " + service.process.exitValue()) + "; its log:\n" + service.log());
            }
            return service;
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        void stop() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "no clean stop within 60 s");
        }

        long create(String token, String path, String json) throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, response.statusCode(), response.body());
            Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
            assertTrue(id.find(), response.body());
            return Long.parseLong(id.group(1));
        }

        int get(String token, String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }

    private static String tokens(Path data, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("tokens"));
        all.addAll(List.of(args));
        ProcessBuilder builder = command(Files.createTempDirectory("jobbro-cwd"), data, List.of(),
                all.toArray(String[]::new));
        builder.redirectErrorStream(false);
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static Process launch(Path cwd, Path data, int port, List<String> jvmArgs) throws IOException {
        List<String> args = new ArrayList<>(jvmArgs);
        args.add("-Dmicronaut.server.port=" + port);
        return command(cwd, data, args).start();
    }

    /** {@code java -cp <test classpath> dk.jobbro.Launcher args} in {@code cwd}, on {@code data}; output merged. */
    private static ProcessBuilder command(Path cwd, Path data, List<String> jvmArgs, String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", MAIN_CLASSPATH,
                "-Djobbro.data-dir=" + data.toAbsolutePath(),
                "-Djobbro.index.path=" + data.toAbsolutePath().resolve("index"),
                "-Djobbro.embedded-db.base-dir=" + System.getProperty("jobbro.embedded-db.base-dir"),
                "-Djobbro.taxonomy.seed-dir=" + Path.of("src/test/resources/taxonomy").toAbsolutePath(),
                "-Djobbro.demo-data.enabled=false"));
        command.addAll(jvmArgs);
        command.add("dk.jobbro.Launcher");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
