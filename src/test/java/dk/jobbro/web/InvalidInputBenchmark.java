package dk.jobbro.web;

import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How long the service takes to refuse a citizen body with 1k, 10k and 100k invalid list items, over HTTP on the
 * embedded server: unknown enum values in {@code supportNeeds} and skills with an unknown level. A plain main, not a
 * test; median of 5 runs after 3 warm-ups per size. Numbers in {@code docs/measurements.md}.
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=dk.jobbro.web.InvalidInputBenchmark
 * </pre>
 */
public final class InvalidInputBenchmark {

    private InvalidInputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("jobbro.data-dir", "target/input-benchmark-data");
        System.setProperty("jobbro.embedded-db.fresh-database-per-context", "true");
        Map<String, Object> properties = Map.of("jobbro.demo-data.enabled", false, "micronaut.server.port", -1,
                "jobbro.taxonomy.seed-dir", "src/test/resources/taxonomy");
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .deduceEnvironment(false).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            JsonMapper json = context.getBean(JsonMapper.class);
            HttpClient http = HttpClient.newHttpClient();
            String token = TestIdentityProvider.admin();
            System.out.println("items  list          bytes      status  median ms  errorCount");
            for (int n : List.of(1_000, 10_000, 100_000)) {
                Map<String, List<?>> lists = Map.of(
                        "supportNeeds", Collections.nCopies(n, "UNICORN"),
                        "skills", Collections.nCopies(n, Map.of("code", "", "level", "WIZARD")));
                for (Map.Entry<String, List<?>> list : lists.entrySet()) {
                    byte[] body = json.writeValueAsBytes(World.citizen().set(list.getKey(), list.getValue()).build());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/citizens"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    long[] times = new long[5];
                    HttpResponse<String> response = null;
                    for (int run = -3; run < times.length; run++) {
                        long start = System.nanoTime();
                        response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (run >= 0) {
                            times[run] = System.nanoTime() - start;
                        }
                    }
                    java.util.Arrays.sort(times);
                    String count = response.body().replaceAll(".*\"errorCount\":(\\d+).*", "$1");
                    System.out.printf(Locale.ROOT, "%6d %-13s %9d  %6d  %9.1f  %s%n", n, list.getKey(), body.length,
                            response.statusCode(), times[2] / 1e6, count.length() > 10 ? "-" : count);
                }
            }
        }
        System.exit(0);
    }
}
