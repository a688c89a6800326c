package dk.jobbro.security;

import dk.jobbro.support.Api;
import dk.jobbro.support.DefaultTestIdentity;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static dk.jobbro.security.Role.ADMIN;
import static dk.jobbro.security.Role.CONSULTANT;
import static dk.jobbro.security.Role.EMPLOYER;
import static dk.jobbro.security.Role.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint, called by every role and tenant, on a record of its own tenant and of another: 401 without a
 * token, 403 for a role the endpoint is not for, 404 for someone else's record (as if it did not exist), 403 for a
 * body naming someone else's jobcentre or employer, and the endpoint's own success otherwise. The expected status
 * is derived from the rules below, not listed by hand, so a new endpoint needs one line in {@link #endpoints}.
 */
@MicronautTest
class AuthorisationMatrixTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    io.micronaut.json.JsonMapper json;

    @Value("${datasources.default.url}")
    String url;
    @Value("${datasources.default.username}")
    String dbUser;
    @Value("${datasources.default.password}")
    String dbPassword;

    Api admin;
    long employerA;
    long employerB;
    long postingA;
    long postingB;
    long citizenAarhus;
    long citizenOdense;

    /** Whose record a request is about; null for none. */
    record Target(String kind, long id, String jobcentre, long employerId) {
    }

    record Identity(String name, Role role, String token) {
    }

    /** One endpoint: who may call it, what it is about, how to build the request, what success is. */
    record Endpoint(String name, Set<Role> roles, String targetKind, boolean bodyScoped, int ok,
                    Function<Target, MutableHttpRequest<?>> request) {
    }

    @BeforeEach
    void world() {
        admin = new Api(client).as(TestIdentityProvider.admin());
        employerA = admin.id(admin.post("/api/v1/employers", World.employer("Alfa ApS", cvr())));
        employerB = admin.id(admin.post("/api/v1/employers", World.employer("Beta ApS", cvr())));
        postingA = admin.id(admin.post("/api/v1/postings", World.posting(employerA).build()));
        postingB = admin.id(admin.post("/api/v1/postings", World.posting(employerB).build()));
        citizenAarhus = citizen("Aarhus");
        citizenOdense = citizen("Odense");
    }

    long citizen(String jobcentre) {
        long id = admin.id(admin.post("/api/v1/citizens", World.citizen().set("jobcentre", jobcentre).build()));
        admin.put("/api/v1/citizens/" + id + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        return id;
    }

    List<Identity> identities() {
        return List.of(
                new Identity("anonymous", null, null),
                new Identity("employer A", EMPLOYER, TestIdentityProvider.employer(employerA)),
                new Identity("employer B", EMPLOYER, TestIdentityProvider.employer(employerB)),
                new Identity("employer without employer_id", EMPLOYER,
                        TestIdentityProvider.token("e", "EMPLOYER", Map.of())),
                new Identity("consultant Aarhus", CONSULTANT, TestIdentityProvider.consultant("Aarhus")),
                new Identity("consultant Odense", CONSULTANT, TestIdentityProvider.consultant("Odense")),
                new Identity("consultant without jobcentres", CONSULTANT, TestIdentityProvider.consultant()),
                new Identity("system", SYSTEM, TestIdentityProvider.system()),
                new Identity("admin", ADMIN, TestIdentityProvider.admin()));
    }

    List<Target> targets(String kind) {
        return switch (kind) {
            case "citizen" -> List.of(new Target(kind, citizenAarhus, "Aarhus", 0),
                    new Target(kind, citizenOdense, "Odense", 0));
            case "posting" -> List.of(new Target(kind, postingA, null, employerA),
                    new Target(kind, postingB, null, employerB));
            case "employer" -> List.of(new Target(kind, employerA, null, employerA),
                    new Target(kind, employerB, null, employerB));
            default -> List.of(new Target("none", 0, null, 0));
        };
    }

    List<Endpoint> endpoints() {
        Set<Role> consultants = EnumSet.of(CONSULTANT, ADMIN);
        Set<Role> readers = EnumSet.of(CONSULTANT, ADMIN, SYSTEM);
        Set<Role> adminOnly = EnumSet.of(ADMIN);
        Set<Role> postingUsers = EnumSet.of(EMPLOYER, CONSULTANT, ADMIN);
        Set<Role> postingReaders = EnumSet.of(EMPLOYER, CONSULTANT, ADMIN, SYSTEM);
        String c = "/api/v1/citizens/";
        return List.of(
                new Endpoint("list citizens", readers, "none", false, 200, t -> HttpRequest.GET("/api/v1/citizens")),
                new Endpoint("create citizen", consultants, "citizen", true, 201, t -> HttpRequest.POST("/api/v1/citizens",
                        World.citizen().set("jobcentre", t.jobcentre()).build())),
                new Endpoint("read citizen", readers, "citizen", false, 200, t -> HttpRequest.GET(c + t.id())),
                new Endpoint("replace citizen", consultants, "citizen", false, 200, t -> HttpRequest.PUT(c + t.id(),
                        World.citizen().set("jobcentre", t.jobcentre()).build())),
                new Endpoint("add not-for", consultants, "citizen", false, 201, t -> HttpRequest.POST(c + t.id() + "/not-for",
                        Map.of("employerId", employerA, "reason", "tidligere konflikt"))),
                new Endpoint("list not-for", consultants, "citizen", false, 200, t -> HttpRequest.GET(c + t.id() + "/not-for")),
                new Endpoint("remove not-for", consultants, "citizen", false, 204, t -> HttpRequest.DELETE(c + t.id()
                        + "/not-for/" + notFor(t.id()))),
                new Endpoint("matches", readers, "citizen", false, 200, t -> HttpRequest.GET(c + t.id() + "/matches")),
                new Endpoint("explain", consultants, "citizen", false, 200, t -> HttpRequest.GET(c + t.id()
                        + "/matches/" + postingA + "/explain")),
                new Endpoint("replace circumstances", consultants, "citizen", false, 200, t -> HttpRequest.PUT(c + t.id()
                        + "/circumstances", World.circumstances(World.circumstance("HOUSING", "SEVERE", false)))),
                new Endpoint("read circumstances", consultants, "citizen", false, 200, t -> HttpRequest.GET(c + t.id()
                        + "/circumstances")),
                new Endpoint("flags", consultants, "citizen", false, 200, t -> HttpRequest.GET(c + t.id() + "/flags")),
                new Endpoint("reproduce evaluation", consultants, "citizen", false, 200, t -> HttpRequest.GET(c + t.id()
                        + "/flags/evaluations/" + latestEvaluation(t.id()))),
                new Endpoint("acknowledge flag", consultants, "citizen", false, 200, t -> HttpRequest.POST(c + t.id()
                        + "/flags/acknowledge", Map.of())),
                new Endpoint("override flag", consultants, "citizen", false, 200, t -> HttpRequest.POST(c + t.id()
                        + "/flags/override", Map.of("reason", "har allerede bolig på vej"))),
                new Endpoint("audit trail", adminOnly, "citizen", false, 200, t -> HttpRequest.GET(c + t.id() + "/audit")),
                new Endpoint("export", adminOnly, "citizen", false, 200, t -> HttpRequest.GET(c + t.id() + "/export")),
                new Endpoint("erase", adminOnly, "citizen", false, 204, t -> HttpRequest.DELETE(c + citizen(t.jobcentre()))),
                new Endpoint("worklist", consultants, "citizen", true, 200, t -> HttpRequest.GET("/api/v1/worklist?jobcentre="
                        + t.jobcentre())),
                new Endpoint("list postings", postingReaders, "none", false, 200, t -> HttpRequest.GET("/api/v1/postings")),
                new Endpoint("create posting", postingUsers, "posting", true, 201, t -> HttpRequest.POST("/api/v1/postings",
                        World.posting(t.employerId()).build())),
                new Endpoint("read posting", postingReaders, "posting", false, 200, t -> HttpRequest.GET("/api/v1/postings/"
                        + t.id())),
                new Endpoint("replace posting", postingUsers, "posting", false, 200, t -> HttpRequest.PUT("/api/v1/postings/"
                        + t.id(), World.posting(t.employerId()).build())),
                new Endpoint("close posting", postingUsers, "posting", false, 200, t -> HttpRequest.POST("/api/v1/postings/"
                        + admin.id(admin.post("/api/v1/postings", World.posting(t.employerId()).build())) + "/close",
                        Map.of())),
                new Endpoint("candidates", consultants, "posting", false, 200, t -> HttpRequest.GET("/api/v1/postings/"
                        + t.id() + "/candidates")),
                new Endpoint("candidate count", postingUsers, "posting", false, 200, t -> HttpRequest.GET(
                        "/api/v1/postings/" + t.id() + "/candidate-count")),
                new Endpoint("search", readers, "none", false, 200, t -> HttpRequest.GET("/api/v1/postings/search?q=lager")),
                new Endpoint("taxonomy look-up", postingReaders, "none", false, 200,
                        t -> HttpRequest.GET("/api/v1/taxonomy/occupations?q=lager")),
                new Endpoint("taxonomy typeahead", postingReaders, "none", false, 200,
                        t -> HttpRequest.GET("/api/v1/taxonomy/typeahead?kind=SKILL&q=truck")),
                new Endpoint("list employers", postingUsers, "none", false, 200, t -> HttpRequest.GET("/api/v1/employers")),
                new Endpoint("create employer", consultants, "none", false, 201, t -> HttpRequest.POST("/api/v1/employers",
                        World.employer("Ny ApS", cvr()))),
                new Endpoint("read employer", postingUsers, "employer", false, 200, t -> HttpRequest.GET(
                        "/api/v1/employers/" + t.id())),
                new Endpoint("replace employer", postingUsers, "employer", false, 200, t -> HttpRequest.PUT(
                        "/api/v1/employers/" + t.id(), World.employer(t.id() == employerA ? "Alfa ApS" : "Beta ApS",
                                cvrOf(t.id())))),
                new Endpoint("bulk postings", postingUsers, "none", false, 200, t -> HttpRequest.POST(
                        "/api/v1/postings/bulk", ndjson(World.posting(employerA).build()))
                        .contentType("application/x-ndjson")),
                new Endpoint("bulk citizens", consultants, "none", false, 200, t -> HttpRequest.POST(
                        "/api/v1/citizens/bulk", ndjson(World.citizen().set("jobcentre", "Aarhus").build()))
                        .contentType("application/x-ndjson")),
                new Endpoint("import jobposting", postingUsers, "none", false, 200, t -> HttpRequest.POST(
                        "/api/v1/postings/import/jobposting", jobPosting(cvrOf(employerA)))
                        .contentType("application/ld+json")),
                new Endpoint("export jobposting", readers, "none", false, 200,
                        t -> HttpRequest.GET("/api/v1/postings/export/jobposting?limit=10")),
                new Endpoint("purge by retention", adminOnly, "none", false, 200, t -> HttpRequest.POST(
                        "/api/v1/admin/retention/purge", Map.of())));
    }

    /** One NDJSON line; a bulk call answers 200 with a report even when its rows are refused. */
    String ndjson(Map<String, Object> row) {
        try {
            return json.writeValueAsString(row) + "\n";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A schema.org JobPosting of the employer with this CVR; an import answers 200 with a report either way. */
    String jobPosting(String cvr) {
        return ndjson(Map.of("@context", "https://schema.org", "@type", "JobPosting", "title", "Lagermedarbejder",
                "occupationalCategory", "432110", "hiringOrganization", Map.of("@type", "Organization",
                        "identifier", cvr))).strip();
    }

    @Test
    void everyEndpointAnswersEveryRoleAndTenantAsTheRulesSay() {
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints()) {
            for (Target target : targets(endpoint.targetKind())) {
                for (Identity who : identities()) {
                    int expected = expected(endpoint, target, who);
                    MutableHttpRequest<?> request = endpoint.request().apply(target);
                    int actual = send(request, who);
                    calls++;
                    if (actual != expected) {
                        wrong.add(endpoint.name() + " on " + target.kind() + " " + target.id() + " as " + who.name()
                                + ": expected " + expected + ", got " + actual);
                    }
                }
            }
        }
        assertTrue(wrong.isEmpty(), calls + " calls, " + wrong.size() + " wrong:\n" + String.join("\n", wrong));
        assertTrue(calls > 400, "the matrix covers " + calls + " calls");
    }

    @Test
    void aConsultantListsAndRanksOnlyCitizensOfTheirOwnJobcentres() {
        Api odense = new Api(client).as(TestIdentityProvider.consultant("Odense"));
        List<Map<String, Object>> citizens = odense.getList("/api/v1/citizens?size=200");
        assertFalse(citizens.isEmpty());
        assertTrue(citizens.stream().allMatch(m -> "Odense".equals(m.get("jobcentre"))), citizens.toString());
        List<?> candidates = (List<?>) odense.get("/api/v1/postings/" + postingA + "/candidates").get("candidates");
        assertFalse(candidates.isEmpty(), "the Odense citizen lives in Aarhus and fits the posting");
        assertTrue(candidates.stream().allMatch(m -> "Odense".equals(((Map<?, ?>) m).get("jobcentre"))));
        List<?> all = (List<?>) admin.get("/api/v1/postings/" + postingA + "/candidates").get("candidates");
        assertTrue(all.size() > candidates.size());
    }

    @Test
    void anEmployerSeesItsOwnRecordAndPostingsAndOnlyACountOfCandidates() {
        Api employer = new Api(client).as(TestIdentityProvider.employer(employerA));
        List<Map<String, Object>> employers = employer.getList("/api/v1/employers");
        assertEquals(List.of(employerA), employers.stream().map(m -> ((Number) m.get("id")).longValue()).toList());
        List<Map<String, Object>> postings = employer.getList("/api/v1/postings?size=200");
        assertTrue(postings.stream().allMatch(m -> ((Number) m.get("employerId")).longValue() == employerA));
        Map<String, Object> count = employer.get("/api/v1/postings/" + postingA + "/candidate-count");
        assertEquals(Set.of("postingId", "candidates", "underThreshold", "text"), count.keySet());
        assertEquals(true, count.get("underThreshold"), "two fitting citizens are under the disclosure threshold");
        assertEquals(null, count.get("candidates"));
    }

    int expected(Endpoint endpoint, Target target, Identity who) {
        if (who.role() == null) {
            return 401;
        }
        if (!endpoint.roles().contains(who.role())) {
            return 403;
        }
        if (!visible(target, who)) {
            return endpoint.bodyScoped() ? 403 : 404;
        }
        return endpoint.ok();
    }

    boolean visible(Target target, Identity who) {
        if (who.role() == ADMIN || who.role() == SYSTEM) {
            return true;
        }
        return switch (target.kind()) {
            case "citizen" -> who.role() == CONSULTANT && who.name().endsWith(target.jobcentre());
            case "posting", "employer" -> who.role() == CONSULTANT || who.name().equals(
                    target.employerId() == employerA ? "employer A" : "employer B");
            default -> true;
        };
    }

    int send(MutableHttpRequest<?> request, Identity who) {
        if (who.token() == null) {
            request.header(DefaultTestIdentity.ANONYMOUS, "true");
        } else {
            request.bearerAuth(who.token());
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, String.class);
            return response.code();
        } catch (HttpClientResponseException e) {
            assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""),
                    request.getMethodName() + " " + request.getPath());
            return e.code();
        }
    }

    long notFor(long citizen) {
        return admin.id(admin.post("/api/v1/citizens/" + citizen + "/not-for",
                Map.of("occupationCode", "432110", "reason", "ikke lager")));
    }

    long latestEvaluation(long citizen) {
        return sqlLong("SELECT MAX(id) FROM flag_evaluation WHERE citizen_id = " + citizen);
    }

    String cvrOf(long employer) {
        return String.format("%08d", sqlLong("SELECT cvr FROM employer WHERE id = " + employer));
    }

    long sqlLong(String sql) {
        try (Connection connection = DriverManager.getConnection(url, dbUser, dbPassword);
             ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String cvr() {
        return World.cvr();
    }
}
