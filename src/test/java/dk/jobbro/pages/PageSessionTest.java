package dk.jobbro.pages;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages' session over plain HTTP: CSRF on every form, the cookie's flags, the same roles and tenancy as the API,
 * a page policy that allows Jobbro's own scripts and styles only, and a session cookie that the API ignores.
 */
@MicronautTest(transactional = false)
class PageSessionTest {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long aarhusCitizen;

    @BeforeEach
    void world() {
        Api admin = new Api(client).as(TestIdentityProvider.admin());
        aarhusCitizen = admin.id(admin.post("/api/v1/citizens", World.citizen().set("name", "Side Borger").build()));
    }

    HttpResponse<String> get(String path, String cookies) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path)).GET();
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String cookies, String form) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookies);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String cookie(HttpResponse<?> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher m = Pattern.compile("^" + name + "=([^;]*)").matcher(header);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no cookie " + name + " in " + response.headers().allValues("Set-Cookie"));
    }

    /** Signs in as a demo user; returns the Cookie header of the session. */
    String signIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/logind", "");
        String csrf = cookie(page, Csrf.COOKIE);
        HttpResponse<String> signedIn = post("/logind", "jobbro_csrf=" + csrf, "_csrf=" + csrf + "&bruger=" + user);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String header = String.join(" ", signedIn.headers().allValues("Set-Cookie"));
        assertTrue(header.contains("HTTPOnly") || header.contains("HttpOnly"), header);
        assertTrue(header.contains("SameSite=Strict"), header);
        return "jobbro_session=" + cookie(signedIn, "jobbro_session") + "; jobbro_csrf=" + cookie(signedIn, Csrf.COOKIE);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpResponse<String> page = get("/logind", "");
        String csrf = cookie(page, Csrf.COOKIE);
        assertEquals(403, post("/logind", "jobbro_csrf=" + csrf, "bruger=admin").statusCode());
        assertEquals(403, post("/logind", "jobbro_csrf=" + csrf, "_csrf=forged&bruger=admin").statusCode());
        assertEquals(403, post("/logind", "", "_csrf=" + csrf + "&bruger=admin").statusCode(), "no cookie");
        String session = signIn("konsulent-aarhus");
        HttpResponse<String> forged = post("/konsulent/borgere/" + aarhusCitizen + "/flag/kvitter",
                session.replaceAll("jobbro_csrf=[^;]*", "jobbro_csrf=x"), "_csrf=x");
        assertEquals(403, forged.statusCode());
        assertTrue(forged.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    }

    @Test
    void aConsultantOverridesAFlagUnderTheSessionsNameAndMarksAnOccupationNotForTheCitizen() throws Exception {
        Api admin = new Api(client).as(TestIdentityProvider.admin());
        admin.put("/api/v1/citizens/" + aarhusCitizen + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        String session = signIn("konsulent-aarhus");
        String csrf = session.replaceAll(".*jobbro_csrf=", "");
        assertEquals(303, post("/konsulent/borgere/" + aarhusCitizen + "/flag/tilsidesaet", session,
                "_csrf=" + csrf + "&begrundelse=Bor+hos+sin+s%C3%B8ster+nu&by=someone-else").statusCode());
        Map<String, Object> flags = admin.get("/api/v1/citizens/" + aarhusCitizen + "/flags");
        Map<?, ?> review = (Map<?, ?>) ((List<?>) flags.get("reviews")).get(0);
        assertEquals("demo-konsulent-aarhus", review.get("by"), "the name comes from the session, never the form");
        assertEquals("Bor hos sin søster nu", review.get("reason"));
        assertEquals(303, post("/konsulent/borgere/" + aarhusCitizen + "/ikke-for", session,
                "_csrf=" + csrf + "&stilling=432110&begrundelse=Vil+ikke+lager").statusCode());
        assertEquals(1, admin.getList("/api/v1/citizens/" + aarhusCitizen + "/not-for").size());
        assertTrue(get("/konsulent/borgere/" + aarhusCitizen + "?besked=ikkefor", session).body()
                .contains("ikke for borgeren"));
    }

    @Test
    void pagesAllowOnlyTheirOwnScriptsAndStylesAndTheApiNothing() throws Exception {
        String policy = get("/logind", "").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"), policy);
        assertFalse(policy.contains("unsafe"), policy);
        assertEquals("default-src 'none'; frame-ancestors 'none'",
                get("/health", "").headers().firstValue("Content-Security-Policy").orElse(""));
        HttpResponse<String> css = get("/static/dkfds/css/dkfds.min.css", "");
        assertEquals(200, css.statusCode(), "Det Fælles Designsystem is in the jar");
        assertEquals(200, get("/static/htmx/htmx.min.js", "").statusCode());
    }

    @Test
    void theSessionCarriesTheRoleAndTenancyOfTheApiAndTheApiIgnoresIt() throws Exception {
        assertEquals(303, get("/konsulent", "").statusCode(), "no session: to the sign-in page");
        String aarhus = signIn("konsulent-aarhus");
        assertEquals(200, get("/konsulent", aarhus).statusCode());
        assertTrue(get("/konsulent/borgere/" + aarhusCitizen, aarhus).body().contains("Side Borger"));
        assertEquals(403, get("/virksomhed", aarhus).statusCode(), "a consultant is no employer");
        assertEquals(401, get("/api/v1/citizens/" + aarhusCitizen, aarhus).statusCode(),
                "the API takes bearer tokens, never the page cookie");
        String odense = signIn("konsulent-odense");
        HttpResponse<String> other = get("/konsulent/borgere/" + aarhusCitizen, odense);
        assertEquals(404, other.statusCode());
        assertFalse(other.body().contains("Side Borger"));
        List<Map<String, Object>> trail = new Api(client).as(TestIdentityProvider.admin())
                .getList("/api/v1/citizens/" + aarhusCitizen + "/audit");
        assertTrue(trail.stream().anyMatch(e -> e.get("action").equals("DENIED")
                && e.get("subject").equals("demo-konsulent-odense")), trail.toString());
        assertTrue(trail.stream().anyMatch(e -> e.get("action").equals("READ")
                && e.get("endpoint").equals("GET /konsulent/borgere/{id}")), trail.toString());
        HttpResponse<String> out = post("/logud", odense, "_csrf=" + odense.replaceAll(".*jobbro_csrf=", ""));
        assertEquals(303, out.statusCode());
        assertTrue(String.join(" ", out.headers().allValues("Set-Cookie")).contains("jobbro_session=;"));
    }

    @Test
    void anEmployersPostingFormWithFaultsAnswersInDanishNamingEachFieldAndChangesNothing() throws Exception {
        Api admin = new Api(client).as(TestIdentityProvider.admin());
        long employer = admin.id(admin.post("/api/v1/employers", World.employer("Formular A/S", World.cvr())));
        HttpResponse<String> page = get("/logind", "");
        String csrf = cookie(page, Csrf.COOKIE);
        HttpResponse<String> signedIn = post("/logind", "jobbro_csrf=" + csrf,
                "_csrf=" + csrf + "&bruger=virksomhed&virksomhed=" + employer);
        assertEquals(303, signedIn.statusCode(), signedIn.body());
        String session = "jobbro_session=" + cookie(signedIn, "jobbro_session") + "; jobbro_csrf="
                + cookie(signedIn, Csrf.COOKIE);
        String token = session.replaceAll(".*jobbro_csrf=", "");
        int before = admin.getList("/api/v1/postings?employerId=" + employer).size();
        HttpResponse<String> answer = post("/virksomhed/opslag", session, "_csrf=" + token
                + "&kind=INTERNSHIP&title=&description=Praktik&occupation=lagerrobotpilot&requiredSkills="
                + "&hoursMin=20&hoursMax=30&slots=0&postcode=8000&deadline=");
        assertTrue(answer.statusCode() == 400 || answer.statusCode() == 422, answer.statusCode() + answer.body());
        String body = answer.body();
        String errors = body.substring(body.indexOf("Ret venligst følgende"), body.indexOf("</ul>", body.indexOf("Ret venligst følgende")));
        assertTrue(errors.contains("Titel skal udfyldes."), errors);
        assertTrue(errors.contains("Antal pladser skal være mindst 1."), errors);
        assertFalse(errors.matches("(?s).*\\b(must|blank|size|null|unknown)\\b.*"), "no English reason: " + errors);
        assertEquals(before, admin.getList("/api/v1/postings?employerId=" + employer).size(), "nothing created");
    }
}
