package dk.jobbro.security;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorisation matrix cannot be beaten by spelling. Every route and method the router knows, with each id
 * written in a generated family of other spellings (padding, percent-encoding, sign, Unicode digits, overflow) and
 * each path in variants (trailing slash, double slash, dot segments, case), called as an administrator, who may do
 * everything with the canonical spelling, and in turn as another jobcentre's consultant, another employer and the
 * nightly run: never a 2xx, never a 5xx, always a problem document with 400 or 404 (405 where another route of that
 * spelling takes other methods), and the audit trail shows no access. Then the canonical spelling as another jobcentre's consultant: 404, audited as
 * refused.
 */
@MicronautTest(transactional = false)
class SpellingTest {

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?}");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Inject
    AuditRepository audit;

    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    Api admin;
    long citizen;
    Map<String, String> canonical;

    @BeforeEach
    void world() {
        admin = new Api(client).as(TestIdentityProvider.admin());
        long employer = admin.id(admin.post("/api/v1/employers", World.employer("Stavning ApS", World.cvr())));
        long posting = admin.id(admin.post("/api/v1/postings", World.posting(employer).build()));
        citizen = admin.id(admin.post("/api/v1/citizens", World.citizen().set("jobcentre", "Aarhus").build()));
        admin.put("/api/v1/citizens/" + citizen + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        long notFor = admin.id(admin.post("/api/v1/citizens/" + citizen + "/not-for",
                Map.of("occupationCode", "432110", "reason", "ikke lager")));
        canonical = new LinkedHashMap<>();
        canonical.put("id", String.valueOf(citizen));
        canonical.put("postingId", String.valueOf(posting));
        canonical.put("entryId", String.valueOf(notFor));
        canonical.put("evaluationId", "1");
        canonical.put("code", "432110");
        canonical.put("employerId", String.valueOf(employer));
    }

    /** Other ways to write the number {@code n}; none of them is the canonical one. */
    static List<String> spellings(String n) {
        String fullWidth = n.chars().mapToObj(c -> String.valueOf((char) ('\uFF10' + (c - '0')))).reduce("", String::concat);
        StringBuilder encoded = new StringBuilder();
        n.chars().forEach(c -> encoded.append('%').append(Integer.toHexString(c).toUpperCase()));
        return List.of(
                "0" + n, "0".repeat(19 - n.length()) + n, "00000000000000000000000" + n,
                encoded.toString(), "%3" + n.substring(0, 1) + n.substring(1),
                "+" + n, "%2B" + n, "-" + n, "%2D" + n, "%20" + n, n + "%20", n + "%00", n + ".0", n + "%2F",
                java.net.URLEncoder.encode(fullWidth, java.nio.charset.StandardCharsets.UTF_8),
                "9223372036854775808", "99999999999999999999", "0x" + Long.toHexString(Long.parseLong(n)), "0",
                n + "L", n + ";x=1");
    }

    /** Other ways to write a whole path. */
    static List<String> variants(String path) {
        int last = path.lastIndexOf('/');
        return List.of(path + "/", path + "//", path.replace("/api/v1/", "/api/v1//"), path.replace("/api/", "//api/"),
                path.replace("/api/v1/", "/api/v1/./"), path.replace("/api/v1/", "/api/v2/../v1/"),
                path.replace("/api/v1/", "/api/v1/%2E/"), path.replace("/api/", "/API/"),
                path.substring(0, last + 1) + path.substring(last + 1).toUpperCase(), path + "/.");
    }

    @Test
    void noOtherSpellingOfAnIdOrAPathReachesARecordEvenForAnAdministrator() throws Exception {
        int entriesBefore = audit.findByCitizenIdOrderById(citizen).size();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        List<UriRouteInfo<?, ?>> routes = router.uriRoutes().toList();
        assertTrue(routes.size() >= 35, routes.size() + " routes");
        for (UriRouteInfo<?, ?> route : routes) {
            String template = route.getUriMatchTemplate().toString();
            String method = route.getHttpMethod().name();
            List<String> variables = variables(template);
            List<String> paths = new ArrayList<>();
            for (String variable : variables) {
                if (!variable.equals("code")) {
                    for (String spelled : spellings(canonical.getOrDefault(variable, "1"))) {
                        paths.add(expand(template, v -> v.equals(variable) ? spelled : canonical.getOrDefault(v, "1")));
                    }
                }
            }
            String plain = expand(template, v -> canonical.getOrDefault(v, "1"));
            variants(plain).stream().filter(p -> !p.equals(plain)).forEach(paths::add);
            for (String path : paths) {
                calls++;
                // Each spelling in turn as the administrator, who may do everything with the canonical one, and others.
                String who = switch (calls % 4) {
                    case 0 -> TestIdentityProvider.consultant("Odense");
                    case 1 -> TestIdentityProvider.employer(Long.parseLong(canonical.get("employerId")) + 1);
                    case 2 -> TestIdentityProvider.system();
                    default -> TestIdentityProvider.admin();
                };
                HttpResponse<String> response = send(method, path, who);
                int status = response.statusCode();
                String type = response.headers().firstValue("Content-Type").orElse("");
                // Pages answer their errors as pages (dk.jobbro.pages.PageErrors), the API as problem documents.
                String expected = PageSessions.isPage(path) ? "text/html" : "application/problem+json";
                // Page forms take form bodies: this test's JSON body is 415 there before the id is looked at.
                boolean refused = status == 400 || status == 404 || status == 405
                        || (status == 415 && PageSessions.isPage(path));
                if (!refused || !type.startsWith(expected)) {
                    wrong.add(method + " " + path + " -> " + status + " " + type + " "
                            + response.body().substring(0, Math.min(200, response.body().length())));
                }
            }
        }
        assertTrue(wrong.isEmpty(), calls + " calls, " + wrong.size() + " wrong:\n" + String.join("\n", wrong));
        assertTrue(calls > 1_000, calls + " calls");
        assertEquals(entriesBefore, audit.findByCitizenIdOrderById(citizen).size(),
                "no spelling reached the citizen, so none was an access");
    }

    @Test
    void theCanonicalSpellingAsAnotherJobcentresConsultantIs404AndAuditedAsRefused() throws Exception {
        String odense = TestIdentityProvider.consultant("Odense");
        int before = audit.findByCitizenIdOrderById(citizen).size();
        for (String path : List.of("/api/v1/citizens/" + citizen, "/api/v1/citizens/" + citizen + "/circumstances",
                "/api/v1/citizens/" + citizen + "/flags", "/api/v1/citizens/" + citizen + "/matches",
                "/api/v1/citizens/" + citizen + "/not-for")) {
            HttpResponse<String> response = send("GET", path, odense);
            assertEquals(404, response.statusCode(), path);
            assertFalse(response.body().contains("Aarhus"), response.body());
        }
        List<AuditEntry> trail = audit.findByCitizenIdOrderById(citizen);
        List<AuditEntry> added = trail.subList(before, trail.size());
        assertEquals(5, added.size(), added.toString());
        assertTrue(added.stream().allMatch(e -> e.action() == AuditAction.DENIED && e.status() == 404
                && e.subject().equals("konsulent-Odense")), added.toString());
        assertEquals(Set.of("GET /api/v1/citizens/{id}", "GET /api/v1/citizens/{id}/circumstances",
                        "GET /api/v1/citizens/{id}/flags", "GET /api/v1/citizens/{id}/matches",
                        "GET /api/v1/citizens/{id}/not-for"),
                Set.copyOf(added.stream().map(AuditEntry::endpoint).toList()));
    }

    @Test
    void aTrailingSlashOnTheErasureIsNotAnotherRule() throws Exception {
        HttpResponse<String> response = send("DELETE", "/api/v1/citizens/" + citizen + "/",
                TestIdentityProvider.consultant("Aarhus"));
        assertEquals(404, response.statusCode());
        assertEquals(200, send("GET", "/api/v1/citizens/" + citizen, TestIdentityProvider.admin()).statusCode(),
                "the citizen is still there");
    }

    static List<String> variables(String template) {
        List<String> out = new ArrayList<>();
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String expand(String template, Function<String, String> value) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(value.apply(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
        boolean withBody = method.equals(HttpMethod.POST.name()) || method.equals(HttpMethod.PUT.name());
        request.header("Content-Type", "application/json");
        request.method(method, withBody ? HttpRequest.BodyPublishers.ofString("{}")
                : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
