package dk.jobbro.bulk;

import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Loading postings through HTTP, in the same run: one {@code POST /api/v1/postings} at a time against
 * {@code POST /api/v1/postings/bulk} (NDJSON and CSV), on the embedded MariaDB and the real index, with a bearer token
 * as in production. A plain main, single client thread, after a warm-up; not a test.
 *
 * <pre>
 *   ./mvnw -o -q -Pbulk-benchmark test-compile exec:exec
 *   ./mvnw -o -q -Pbulk-benchmark test-compile exec:exec -Dbenchmark.args="single=500 bulk=20000 batch=2000"
 * </pre>
 *
 * Arguments ({@code name=value}): single (postings sent one at a time), bulk (postings sent in bulk, per format),
 * batch (rows per bulk call; a call must stay under the 1 MB request limit), warmup (postings per path).
 */
public final class BulkBenchmark {

    private BulkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> a = new HashMap<>(Map.of("single", 1_000, "bulk", 30_000, "batch", 2_000,
                "warmup", 2_000));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], Integer.parseInt(kv[1]));
        }
        Path resources = Path.of("index");
        Map<String, Object> properties = Map.of(
                "jobbro.demo-data.enabled", false,
                "micronaut.server.port", -1,
                "jobbro.taxonomy.seed-dir", resources.resolve("taxonomy").toString(),
                "jobbro.resources-dir", resources.toString());
        long started = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .deduceEnvironment(false).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            System.out.printf(Locale.ROOT, "Service with embedded MariaDB up in %.1f s; %s, %d cores, JDK %s%n",
                    (System.nanoTime() - started) / 1e9, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            try (HttpClient http = HttpClient.newHttpClient()) {
                new BulkBenchmark.Run(server, context.getBean(JsonMapper.class), http).run(a);
            }
            server.stop();
        }
        // As MatchBenchmark: the embedded database's and the scheduler's threads would keep the JVM alive.
        System.exit(0);
    }

    private static final class Run {
        private final HttpClient http;
        private final String base;
        private final JsonMapper json;
        private final String token = TestIdentityProvider.admin();
        private long employer;
        private int next;

        Run(EmbeddedServer server, JsonMapper json, HttpClient http) {
            this.http = http;
            this.base = server.getURL().toString();
            this.json = json;
        }

        void run(Map<String, Integer> a) throws Exception {
            HttpResponse<String> created = send("POST", "/api/v1/employers", "application/json",
                    json.writeValueAsString(World.employer("Benchmark A/S", World.cvr())));
            employer = ((Number) json.readValue(created.body(), Map.class).get("id")).longValue();
            int batch = a.get("batch");
            // Warm-up of both paths (JIT, connection pool, index segments), not timed.
            single(Math.min(200, a.get("warmup")));
            bulk(a.get("warmup"), batch, false);
            bulk(a.get("warmup"), batch, true);

            double singleRate = single(a.get("single"));
            double ndjsonRate = bulk(a.get("bulk"), batch, false);
            double csvRate = bulk(a.get("bulk"), batch, true);
            long indexed = searchTotal();
            System.out.printf(Locale.ROOT, "one POST at a time: %,d postings, %.0f postings/s (%.1f ms each)%n",
                    a.get("single"), singleRate, 1000 / singleRate);
            System.out.printf(Locale.ROOT, "bulk NDJSON:        %,d postings in calls of %,d, %.0f postings/s (%.0fx)%n",
                    a.get("bulk"), batch, ndjsonRate, ndjsonRate / singleRate);
            System.out.printf(Locale.ROOT, "bulk CSV:           %,d postings in calls of %,d, %.0f postings/s (%.0fx)%n",
                    a.get("bulk"), batch, csvRate, csvRate / singleRate);
            System.out.printf(Locale.ROOT, "search finds %,d open postings with the benchmark's word after the run%n",
                    indexed);
        }

        /** Postings per second, one POST after the other. */
        double single(int n) throws Exception {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> r = send("POST", "/api/v1/postings", "application/json",
                        json.writeValueAsString(posting()));
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
                }
            }
            return n / ((System.nanoTime() - t0) / 1e9);
        }

        /** Postings per second through the bulk endpoint, building each body included. */
        double bulk(int n, int batch, boolean csv) throws Exception {
            long t0 = System.nanoTime();
            long bytes = 0;
            for (int done = 0; done < n; done += batch) {
                int rows = Math.min(batch, n - done);
                StringBuilder body = new StringBuilder(rows * 400);
                if (csv) {
                    body.append("employerId;kind;title;description;occupationCode;requiredSkills;postcode;hoursMin;"
                            + "hoursMax;slots\n");
                }
                for (int i = 0; i < rows; i++) {
                    Map<String, Object> p = posting();
                    if (csv) {
                        body.append(employer).append(";INTERNSHIP;").append(p.get("title")).append(';')
                                .append(p.get("description")).append(";432110;forklift-operation;8000;10;37;1\n");
                    } else {
                        body.append(json.writeValueAsString(p)).append('\n');
                    }
                }
                bytes += body.length();
                HttpResponse<String> r = send("POST", "/api/v1/postings/bulk", csv ? "text/csv"
                        : "application/x-ndjson", body.toString());
                Map<?, ?> report = json.readValue(r.body(), Map.class);
                if (r.statusCode() != 200 || ((Number) report.get("stored")).intValue() != rows) {
                    throw new IllegalStateException("bulk answered " + r.statusCode() + ": "
                            + r.body().substring(0, Math.min(500, r.body().length())));
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "  (%s: %,d postings, %.1f KB a call, %.2f s)%n", csv ? "CSV" : "NDJSON",
                    n, bytes / 1024.0 / Math.max(1, (n + batch - 1) / batch), seconds);
            return n / seconds;
        }

        Map<String, Object> posting() {
            int i = next++;
            return World.posting(employer).title("Benchmarkpraktik nummer " + i + " på lageret")
                    .set("description", "Praktik på et travlt lager med pluk, pak og truckkørsel. Løbenummer " + i
                            + ", fast makker og oplæring de første uger.")
                    .requiredSkills("forklift-operation").build();
        }

        long searchTotal() throws Exception {
            HttpResponse<String> r = send("GET", "/api/v1/postings/search?q=benchmarkpraktik&limit=1", null, null);
            return ((Number) json.readValue(r.body(), Map.class).get("total")).longValue();
        }

        HttpResponse<String> send(String method, String path, String type, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Bearer " + token);
            if (body == null) {
                b.GET();
            } else {
                b.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
