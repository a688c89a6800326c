package dk.jobbro.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every dependency Jobbro ships with may be shipped with an MPL-2.0 project: at least one of its licences is one the
 * MPL works with (permissive licences, the weak copylefts EPL, LGPL, CDDL and MPL itself, GPL with the classpath
 * exception). The report is written by license-maven-plugin in every build (pom.xml).
 */
class LicencesTest {

    private static final Pattern LINE = Pattern.compile("^\\s*((?:\\([^)]*\\)\\s*)+)(.*)$");
    private static final Pattern ONE = Pattern.compile("\\(([^)]*)\\)");
    private static final List<String> COMPATIBLE = List.of("apache", "mit", "bsd", "eclipse public license",
            "epl", "eclipse distribution license", "edl", "lgpl", "lesser general public", "cddl", "mozilla public",
            "mpl", "gpl2 w/ cpe", "classpath exception", "public domain", "cc0", "bouncy castle", "isc", "unlicense");

    @Test
    void everyShippedDependencyHasALicenceCompatibleWithMpl2() throws IOException {
        Path report = Path.of("target/generated-sources/license/THIRD-PARTY.txt");
        assertTrue(Files.exists(report), "the build writes " + report + " (license-maven-plugin in pom.xml)");
        List<String> incompatible = new ArrayList<>();
        int dependencies = 0;
        for (String line : Files.readAllLines(report)) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            dependencies++;
            boolean ok = false;
            Matcher licence = ONE.matcher(m.group(1));
            while (licence.find()) {
                String name = licence.group(1).toLowerCase(Locale.ROOT);
                ok |= COMPATIBLE.stream().anyMatch(name::contains);
            }
            if (!ok) {
                incompatible.add(line.strip());
            }
        }
        assertTrue(dependencies > 50, dependencies + " dependencies in the report");
        assertTrue(incompatible.isEmpty(), "licences not known to work with MPL-2.0:\n" + String.join("\n", incompatible));
    }
}
