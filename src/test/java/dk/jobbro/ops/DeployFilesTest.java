package dk.jobbro.ops;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No container engine or cluster runs here, so the deploy files are checked against the application instead: the
 * manifests parse into the expected kinds, ports and probe paths agree with the application's configuration and
 * answer on a running service, the ConfigMap holds exactly config/, and the container file and the systemd unit name
 * the jar the build makes.
 */
@MicronautTest
class DeployFilesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            out.add((Map<String, Object>) doc);
        }
        return out;
    }

    /** The application's default port: {@code micronaut.server.port: ${JOBBRO_PORT:8080}} in application.yml. */
    static int applicationPort() throws IOException {
        Matcher m = Pattern.compile("port: \\$\\{JOBBRO_PORT:(\\d+)}")
                .matcher(Files.readString(Path.of("src/main/resources/application.yml")));
        assertTrue(m.find(), "application.yml sets the port from JOBBRO_PORT");
        return Integer.parseInt(m.group(1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theKubernetesManifestsAgreeWithTheApplication() throws Exception {
        int port = applicationPort();
        List<Map<String, Object>> docs = documents(Path.of("deploy/kubernetes/jobbro.yaml"));
        assertEquals(List.of("Deployment", "Service"), docs.stream().map(d -> d.get("kind")).toList());
        Map<String, Object> spec = (Map<String, Object>) docs.get(0).get("spec");
        assertTrue((Integer) spec.get("replicas") >= 2, "several replicas");
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        assertEquals(port, ((List<Map<String, Object>>) container.get("ports")).get(0).get("containerPort"));
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            Map<String, Object> get = (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
            assertEquals(port, get.get("port"), probe);
            String path = (String) get.get("path");
            assertEquals("UP", client.toBlocking().retrieve(HttpRequest.GET(path), Map.class).get("status"),
                    probe + " " + path + " answers on the service");
        }
        Map<String, Object> resources = (Map<String, Object>) container.get("resources");
        assertTrue(resources.containsKey("requests") && resources.containsKey("limits"));
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        for (String secret : List.of("DATASOURCES_DEFAULT_PASSWORD", "JOBBRO_SECURITY_JWT_JWKS_URL")) {
            Map<String, Object> variable = env.stream().filter(e -> secret.equals(e.get("name"))).findFirst()
                    .orElseThrow();
            assertTrue(((Map<String, Object>) variable.get("valueFrom")).containsKey("secretKeyRef"),
                    secret + " comes from a Secret");
        }
        assertTrue(((Map<String, Object>) pod.get("securityContext")).get("runAsNonRoot").equals(true));
        Map<String, Object> service = (Map<String, Object>) docs.get(1).get("spec");
        assertEquals(port, ((List<Map<String, Object>>) service.get("ports")).get(0).get("targetPort"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theConfigMapHoldsExactlyTheConfigFolder() throws Exception {
        Map<String, Object> configMap = documents(Path.of("deploy/kubernetes/configmap.yaml")).get(0);
        assertEquals("ConfigMap", configMap.get("kind"));
        Map<String, String> data = (Map<String, String>) configMap.get("data");
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("config"))) {
            files = list.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        assertEquals(files.stream().map(f -> f.getFileName().toString()).toList(), List.copyOf(data.keySet()),
                "run deploy/kubernetes/update-configmap");
        for (Path file : files) {
            assertEquals(Files.readString(file).strip(), data.get(file.getFileName().toString()).strip(),
                    file + " differs from the ConfigMap: run deploy/kubernetes/update-configmap");
        }
    }

    @Test
    void theContainerFileAndTheSystemdUnitRunTheJarTheBuildMakes() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher artifact = Pattern.compile("</parent>\\s*<groupId>[^<]+</groupId>\\s*<artifactId>([^<]+)</artifactId>")
                .matcher(pom);
        assertTrue(artifact.find());
        String jar = artifact.group(1);
        String containerFile = Files.readString(Path.of("deploy/Containerfile"));
        assertTrue(containerFile.contains("COPY --chown=jobbro:jobbro target/" + jar + "-*.jar /opt/jobbro/" + jar + ".jar"));
        assertTrue(containerFile.contains("USER jobbro"), "non-root");
        assertTrue(containerFile.contains("EXPOSE " + applicationPort()));
        Matcher base = Pattern.compile("FROM eclipse-temurin:(\\d+)-jre").matcher(containerFile);
        assertTrue(base.find() && Integer.parseInt(base.group(1)) >= 21, "a JRE 21+ base image");
        for (String folder : List.of("config/", "index/analysis/", "index/taxonomy/", "index/geo/")) {
            assertTrue(containerFile.contains("COPY --chown=jobbro:jobbro " + folder), folder);
            assertTrue(Files.isDirectory(Path.of(folder)), folder + " exists");
        }
        String unit = Files.readString(Path.of("deploy/jobbro.service"));
        assertTrue(unit.contains("-jar /opt/jobbro/" + jar + ".jar"), unit);
        assertTrue(unit.contains("User=jobbro"));
    }
}
