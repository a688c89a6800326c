package dk.jobbro.flagging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Architecture rules, checked on the sources until ArchUnit joins the build. */
class FlagBoundariesTest {

    private static final Path MAIN = Path.of("src/main/java/dk/jobbro");

    /** The rule engine: plain Java, so it can be read, tested and reproduced without a framework. */
    private static final List<String> DOMAIN = List.of("CircumstanceArea", "Severity", "HandledBy", "Intervention",
            "Urgency", "Circumstance", "FlagCondition", "FlagRule", "FlagRuleset", "FlagReason",
            "ParallelInterventionFlag", "FlagEvaluator", "FlagRulesetParser");

    @Test
    void theFlagRuleEngineImportsNoFramework() throws IOException {
        for (String type : DOMAIN) {
            String source = Files.readString(MAIN.resolve("flagging").resolve(type + ".java"));
            for (String framework : List.of("import io.micronaut", "import jakarta", "import java.sql")) {
                assertFalse(source.contains(framework), type + " imports " + framework);
            }
        }
    }

    /** Zero exclusion by construction: only the controller that shows matches may read the flag. */
    @Test
    void noMatchingOrSearchCodeReadsCircumstancesOrFlags() throws IOException {
        int checked = 0;
        for (String pkg : List.of("matching", "search")) {
            try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
                for (Path file : files.toList()) {
                    if (file.getFileName().toString().equals("MatchController.java")) {
                        continue;
                    }
                    String source = Files.readString(file);
                    assertFalse(source.contains("flagging") || source.contains("Circumstance"),
                            file + " must not read circumstances or flags");
                    checked++;
                }
            }
        }
        assertTrue(checked > 10);
    }
}
