package dk.jobbro;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The jar's entry point tells a user of an old JDK which one to use, instead of UnsupportedClassVersionError. */
class LauncherTest {

    @Test
    void theLauncherIsCompiledForJava8SoAnOldJvmCanReadIt() throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/dk/jobbro/Launcher.class"));
             DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(52, data.readUnsignedShort(), "class file major version 52 is Java 8");
        }
    }

    @Test
    void javaOlderThan21IsRefusedNamingTheJdkToUse() {
        for (String old : List.of("1.8", "11", "17", "20")) {
            String refusal = Launcher.refusal(old, "/opt/old-jdk");
            assertTrue(refusal.startsWith("Jobbro needs Java 21 or newer; this is Java " + old + " (/opt/old-jdk)"),
                    refusal);
            assertTrue(refusal.contains("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar"), refusal);
        }
        assertNull(Launcher.refusal("21", "/opt/jdk"));
        assertNull(Launcher.refusal("25", "/opt/jdk"));
    }

    @Test
    void everyOlderJdkOnThisMachineGetsTheMessageAndExitCode3() throws Exception {
        List<Path> older;
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            older = jdks.filter(j -> j.getFileName().toString().matches(".*-(8|11|17)-.*"))
                    .filter(j -> Files.isExecutable(j.resolve("bin/java"))).toList();
        }
        for (Path jdk : older) {
            Process p = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-cp", "target/classes",
                    "dk.jobbro.Launcher").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertEquals(3, p.exitValue(), jdk + ": " + out);
            assertTrue(out.startsWith("Jobbro needs Java 21 or newer"), jdk + ": " + out);
        }
    }
}
