package dk.jobbro.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's walk-through is what a newcomer pastes: its two shell blocks, taken from README.md as they stand, run
 * twice against a started service on kept data. Both runs answer every call, the second finds the employer the
 * first created instead of meeting a 409, and only the calls the walk-through says are refused are refused.
 */
class ReadmeWalkThroughTest {

    @AfterEach
    void endTheService() throws IOException {
        StartAndStopTest.endChildren();
    }

    @Test
    void theWalkThroughCanBePastedTwiceOnKeptData() throws Exception {
        List<String> blocks = walkThroughBlocks(Files.readString(Path.of("README.md")));
        assertEquals(2, blocks.size(), "the walk-through has a token block and a curl block");
        Path data = Files.createTempDirectory("jobbro-walkthrough");
        int port = StartAndStopTest.freePort();
        StartAndStopTest.Service service = StartAndStopTest.Service.start(data, port);
        assertTrue(service.log().contains("Startup completed"), service.log());
        // A first start says what it is doing, a line per step (the MariaDB binaries are unpacked once per build).
        assertTrue(service.log().contains("First start: creating the database in"), service.log());
        assertTrue(service.log().contains("Rebuilding the posting index"), service.log());
        // deploy/demo-tokens without a built jar runs the compiled classes on the classpath Maven would write.
        Files.writeString(Path.of("target", "demo-tokens.classpath"), StartAndStopTest.MAIN_CLASSPATH);

        String first = paste(blocks, data, port);
        String second = paste(blocks, data, port);
        for (String run : List.of(first, second)) {
            assertTrue(run.matches("(?s).*employer \\d+, posting \\d+, citizen \\d+.*"), run);
            assertTrue(run.contains("\"matches\":[{"), run);
            assertTrue(run.contains("\"eligible\":true"), run);
            assertTrue(run.contains("\"candidates\":[{"), run);
            assertTrue(run.contains("\"kindCounts\""), run);
            assertTrue(run.contains("\"underThreshold\":true"), run);
            assertTrue(run.contains("\"action\":\"READ\""), run);
            assertEquals(2, count(run, "\"status\":403"), "only the employer's two refusals: " + run);
            assertFalse(run.contains("\"status\":409") || run.contains("\"status\":400")
                    || run.contains("\"status\":500") || run.contains("Exception"), run);
        }
        assertEquals(employer(first), employer(second), "the second paste finds the employer the first created");
    }

    static List<String> walkThroughBlocks(String readme) {
        String section = readme.substring(readme.indexOf("## A walk-through with curl"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static String paste(List<String> blocks, Path data, int port) throws Exception {
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", String.join("\n", blocks))
                .directory(Path.of("").toAbsolutePath().toFile()).redirectErrorStream(true);
        bash.environment().put("JOBBRO_URL", "http://localhost:" + port);
        bash.environment().put("JOBBRO_DATA_DIR", data.toAbsolutePath().toString());
        bash.environment().put("JAVA_HOME", Path.of(StartAndStopTest.JAVA).getParent().getParent().toString());
        Process p = bash.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String employer(String run) {
        Matcher m = Pattern.compile("employer (\\d+),").matcher(run);
        assertTrue(m.find(), run);
        return m.group(1);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
