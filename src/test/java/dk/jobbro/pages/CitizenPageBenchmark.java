package dk.jobbro.pages;

import dk.jobbro.support.TestIdentityProvider;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rendering the consultant's citizen page (profile, flag, the 20 best matches with their bars, proposals) through
 * HTTP on loopback, signed in with a page session: the whole request, matching and template included. A plain main,
 * single-threaded, warm; not a test.
 *
 * <pre>
 *   ./mvnw -o -q -Ppage-benchmark test-compile exec:exec
 *   ./mvnw -o -q -Ppage-benchmark test-compile exec:exec -Dbenchmark.args="postings=2000 requests=2000"
 * </pre>
 */
public final class CitizenPageBenchmark {

    private CitizenPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> a = new HashMap<>(Map.of("postings", 1_000, "warmup", 300, "requests", 1_000));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], Integer.parseInt(kv[1]));
        }
        Path resources = Path.of("index");
        Map<String, Object> properties = Map.of("jobbro.demo-data.enabled", false, "micronaut.server.port", -1,
                "jobbro.taxonomy.seed-dir", resources.resolve("taxonomy").toString(),
                "jobbro.resources-dir", resources.toString());
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .deduceEnvironment(false).start()) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            run(server.getURL().toString(), a);
        }
        System.exit(0);
    }

    private static void run(String base, Map<String, Integer> a) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String admin = "Bearer " + TestIdentityProvider.admin();
        String employer = json(http, base, admin, "/api/v1/employers", "{\"name\":\"Bench ApS\",\"cvr\":\"29876541\","
                + "\"address\":{\"postcode\":\"8000\"},\"ordinaryEmployees\":100000}");
        for (int i = 0; i < a.get("postings"); i++) {
            String kind = i % 3 == 0 ? "ORDINARY_JOB" : i % 3 == 1 ? "INTERNSHIP" : "WAGE_SUBSIDY";
            String postcode = i % 2 == 0 ? "8000" : "8260";
            json(http, base, admin, "/api/v1/postings", "{\"employerId\":" + employer + ",\"kind\":\"" + kind
                    + "\",\"title\":\"Lagermedarbejder " + i + "\",\"description\":\"Pluk og pak, truck og lager.\","
                    + "\"occupationCode\":\"432110\",\"requiredSkills\":[\"forklift-operation\"],"
                    + "\"workplace\":{\"postcode\":\"" + postcode + "\"},"
                    + "\"hoursPerWeek\":{\"min\":10,\"max\":37},\"slots\":2,\"supportOffered\":[\"MENTOR\"]}");
        }
        String citizen = json(http, base, admin, "/api/v1/citizens", "{\"name\":\"Bench Borger\",\"jobcentre\":\"Aarhus\","
                + "\"targetGroup\":\"CASH_BENEFIT_ACTIVITY_READY\",\"home\":{\"postcode\":\"8260\"},\"maxCommuteKm\":30,"
                + "\"maxHoursPerWeek\":30,\"skills\":[{\"code\":\"forklift-operation\",\"level\":\"GOOD\"}],"
                + "\"occupationsWanted\":[\"432110\"],\"supportNeeds\":[\"MENTOR\"]}");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/logind")).build(),
                HttpResponse.BodyHandlers.ofString());
        String csrf = cookie(page, "jobbro_csrf");
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/logind"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "jobbro_csrf=" + csrf)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&bruger=konsulent-aarhus")).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = "jobbro_session=" + cookie(signedIn, "jobbro_session") + "; jobbro_csrf=" + csrf;
        HttpRequest citizenPage = HttpRequest.newBuilder(URI.create(base + "/konsulent/borgere/" + citizen))
                .header("Cookie", session).build();
        HttpResponse<String> first = http.send(citizenPage, HttpResponse.BodyHandlers.ofString());
        int matches = first.body().split("class=\"jb-match\"", -1).length - 1;
        if (first.statusCode() != 200 || matches != 20) {
            throw new IllegalStateException(first.statusCode() + ", " + matches + " matches on the page");
        }
        for (int i = 0; i < a.get("warmup"); i++) {
            http.send(citizenPage, HttpResponse.BodyHandlers.ofString());
        }
        long[] nanos = new long[a.get("requests")];
        long bytes = 0;
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            bytes += http.send(citizenPage, HttpResponse.BodyHandlers.ofString()).body().length();
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "Citizen page, %d open postings, 20 matches shown, %d requests: p50 %.1f ms,"
                        + " p90 %.1f ms, p99 %.1f ms, max %.1f ms; %d KB per page%n", a.get("postings"), nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length * 9 / 10] / 1e6, nanos[nanos.length * 99 / 100] / 1e6,
                nanos[nanos.length - 1] / 1e6, bytes / nanos.length / 1024);
    }

    private static String json(HttpClient http, String base, String token, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(r.body());
        if (r.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
        }
        return id.group(1);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith(name + "="))
                .map(h -> h.substring(name.length() + 1, h.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + name + " cookie"));
    }
}
