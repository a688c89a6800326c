package dk.jobbro.jobposting;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * schema.org JobPosting import: a job board's page imports with a report of every field and becomes a searchable
 * posting once opened; JSON-LD in its three shapes; the employer found by CVR (or not, said so); tenancy.
 */
@MicronautTest
class JobPostingImportTest {

    /** The CVR number in the fixture page's Organization. */
    static final String NORDLYS_CVR = "35218343";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    long nordlys;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        List<Map<String, Object>> existing = api.getList("/api/v1/employers?cvr=" + NORDLYS_CVR);
        nordlys = existing.isEmpty() ? api.id(api.post("/api/v1/employers",
                World.employer("Nordlys Logistik A/S", NORDLYS_CVR))) : api.id(existing.get(0));
    }

    static String fixture(String name) {
        try (InputStream in = JobPostingImportTest.class.getResourceAsStream("/jobposting/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MutableHttpRequest<String> importing(String query, String type, String body) {
        return HttpRequest.POST("/api/v1/postings/import/jobposting" + query, body).contentType(type);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    static Set<String> fields(Map<String, Object> item, String key) {
        return list(item, key).stream().map(e -> (String) e.get("field")).collect(Collectors.toSet());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJobBoardPageImportsAsADraftWithAReportOfEveryFieldAndIsSearchableOnceOpened() {
        Map<String, Object> report = api.exchangeOk(importing("", "text/html",
                fixture("lagermedarbejder-jobboard.html")));
        assertEquals(1, report.get("found"), report.toString());
        assertEquals(1, report.get("created"), report.toString());
        Map<String, Object> item = list(report, "postings").get(0);
        assertEquals("script[2] @graph[2]", item.get("source"));
        assertEquals(List.of(), item.get("errors"));
        assertEquals("DRAFT", item.get("status"));
        assertEquals(nordlys, ((Number) item.get("employerId")).longValue(), "found by the CVR in the Organization");
        Map<String, Object> occupation = (Map<String, Object>) item.get("occupation");
        assertEquals("432110", occupation.get("code"));
        assertEquals(0.9, ((Number) occupation.get("confidence")).doubleValue(), 1e-9);
        assertTrue(((String) occupation.get("source")).contains("ISCO"), occupation.toString());
        // Every property of the source is accounted for: mapped, assumed or left out with a reason.
        assertTrue(fields(item, "unmapped").containsAll(Set.of("baseSalary", "datePosted", "identifier", "industry",
                "directApply", "url", "skills[1]", "skills[2]", "qualifications[0]",
                "jobLocation.address.addressRegion")), item.toString());
        assertTrue(list(item, "unmapped").stream().allMatch(e -> !((String) e.get("reason")).isBlank()));
        Set<String> mapped = list(item, "mapped").stream().map(m -> (String) m.get("field")).collect(Collectors.toSet());
        assertTrue(mapped.containsAll(Set.of("title", "description", "employmentType", "workHours", "hiringOrganization",
                "jobLocation.address", "validThrough", "occupationalCategory", "skills", "totalJobOpenings")), mapped.toString());
        assertTrue(list(report, "skipped").stream().anyMatch(s -> "script[1] document".equals(s.get("source"))
                || ((String) s.get("reason")).contains("BreadcrumbList")), report.toString());

        long id = ((Number) item.get("postingId")).longValue();
        Map<String, Object> posting = api.get("/api/v1/postings/" + id);
        assertEquals("Lagermedarbejder til centrallager i Brabrand", posting.get("title"));
        assertEquals("ORDINARY_JOB", posting.get("kind"));
        assertEquals(Map.of("min", 37, "max", 37), posting.get("hoursPerWeek"));
        assertEquals(2, posting.get("slots"));
        assertEquals("2031-03-31", posting.get("applicationDeadline"));
        assertEquals(List.of("forklift-operation"), posting.get("requiredSkills"));
        Map<String, Object> workplace = (Map<String, Object>) posting.get("workplace");
        assertEquals("8000", workplace.get("postcode"));
        assertEquals("Bautavej 12", workplace.get("street"));
        assertNotNull(workplace.get("latitude"), "coordinates from the postcode table");
        String description = (String) posting.get("description");
        assertFalse(description.contains("<"), description);
        assertTrue(description.startsWith("Vil du være en del af et travlt lager"), description);
        assertTrue(description.contains("\n\nDine opgaver\n\n- Plukning og pakning af ordrer\n- Kørsel med truck"),
                description);
        assertTrue(description.contains("kontrol af leverancer") && description.contains("7.00–15.00")
                && description.contains("Frokostordning & fitnessrum"), description);
        assertTrue(description.contains("spørgsmål.\nVi holder samtaler løbende."), description);

        assertEquals(0L, total("q=centrallager"), "a draft is not searchable among open postings");
        Map<String, Object> open = new HashMap<>(posting);
        open.keySet().removeAll(Set.of("id", "createdAt", "updatedAt"));
        open.put("status", "OPEN");
        api.put("/api/v1/postings/" + id, open);
        assertEquals(1L, total("q=centrallager"));
        assertEquals(1L, total("q=lagermedarbejder+brabrand"));
    }

    long total(String query) {
        return ((Number) api.get("/api/v1/postings/search?" + query).get("total")).longValue();
    }

    Map<String, Object> jobPosting(String title) {
        Map<String, Object> p = new HashMap<>();
        p.put("@type", "JobPosting");
        p.put("title", title);
        p.put("description", "Kort beskrivelse.");
        p.put("employmentType", "PART_TIME");
        p.put("workHours", "20-30 timer");
        p.put("hiringOrganization", Map.of("@type", "Organization", "name", "Nordlys", "identifier", NORDLYS_CVR));
        p.put("jobLocation", Map.of("@type", "Place", "address", Map.of("postalCode", "8000"),
                "geo", Map.of("latitude", "56.2", "longitude", 10.1)));
        p.put("occupationalCategory", Map.of("@type", "CategoryCode", "codeValue", "911210"));
        return p;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonLdIsReadAsOneObjectAnArrayOrAGraphAndOpenIsGivenOnRequest() {
        Map<String, Object> one = new HashMap<>(jobPosting("Rengøringsassistent, enkelt"));
        one.put("@context", "https://schema.org");
        Map<String, Object> single = api.exchangeOk(importing("?status=OPEN", "application/ld+json", write(one)));
        assertEquals(1, single.get("created"), single.toString());
        Map<String, Object> item = list(single, "postings").get(0);
        assertEquals("OPEN", item.get("status"));
        assertEquals(1.0, ((Number) ((Map<String, Object>) item.get("occupation")).get("confidence")).doubleValue());
        Map<String, Object> posting = api.get("/api/v1/postings/" + item.get("postingId"));
        assertEquals(Map.of("min", 20, "max", 30), posting.get("hoursPerWeek"));
        assertEquals(56.2, ((Number) ((Map<String, Object>) posting.get("workplace")).get("latitude")).doubleValue(),
                1e-9, "geo wins over the postcode");
        assertEquals(1L, total("q=enkelt"), "opened on import: searchable at once");

        String array = write(List.of(jobPosting("Rengøring A"), Map.of("@type", "Organization", "name", "x"),
                jobPosting("Rengøring B")));
        Map<String, Object> fromArray = api.exchangeOk(importing("", "application/json", array));
        assertEquals(2, fromArray.get("created"), fromArray.toString());
        assertEquals(List.of("[0]", "[2]"), list(fromArray, "postings").stream().map(p -> p.get("source")).toList());

        String graph = write(Map.of("@context", "https://schema.org", "@graph", List.of(jobPosting("Rengøring C"))));
        assertEquals(1, api.exchangeOk(importing("", "application/ld+json", graph)).get("created"));
    }

    @Test
    void aPostingKeepsUpTo300SkillsAListAndTheReportSaysWhenMoreWereCut() {
        // Real occupations have more than 100 essential skills; the import used to keep 50 and say nothing.
        List<String> many = java.util.stream.IntStream.range(0, 301).mapToObj(i -> "skill-" + i).toList();
        List<dk.jobbro.web.Problem.FieldError> notes = new java.util.ArrayList<>();
        assertEquals(many.subList(0, 120), JobPostingImport.atMost(many.subList(0, 120), "skills", notes));
        assertEquals(many.subList(0, 300), JobPostingImport.atMost(many.subList(0, 300), "skills", notes));
        assertEquals(List.of(), notes, "nothing cut, nothing said");
        assertEquals(many.subList(0, 300), JobPostingImport.atMost(many, "qualifications", notes));
        assertEquals(1, notes.size());
        assertEquals("qualifications", notes.get(0).field());
        assertEquals("301 skills, more than 300: the first 300 kept", notes.get(0).reason());
    }

    @Test
    void anUnknownCvrOrAMissingOccupationIsReportedAndNothingIsCreatedForThatPosting() {
        Map<String, Object> unknownEmployer = jobPosting("Rengøring hos ukendt");
        unknownEmployer.put("hiringOrganization", Map.of("@type", "Organization", "name", "Ukendt ApS",
                "identifier", Map.of("@type", "PropertyValue", "propertyID", "CVR", "value", World.cvr())));
        Map<String, Object> noOccupation = jobPosting("Zebrapasser");
        noOccupation.remove("occupationalCategory");
        Map<String, Object> passed = jobPosting("Rengøring med frist");
        passed.put("validThrough", "2020-01-01");
        Map<String, Object> report = api.exchangeOk(importing("", "application/ld+json",
                write(List.of(unknownEmployer, noOccupation, passed))));
        assertEquals(0, report.get("created"), report.toString());
        List<Map<String, Object>> items = list(report, "postings");
        assertEquals(Set.of("hiringOrganization.identifier"), fields(items.get(0), "errors"));
        assertTrue(((String) list(items.get(0), "errors").get(0).get("reason")).startsWith("no employer is registered"));
        assertEquals(Set.of("occupationalCategory"), fields(items.get(1), "errors"));
        assertEquals(Set.of("validThrough"), fields(items.get(2), "errors"));
        assertTrue(((String) report.get("summary")).startsWith("0 af 3 stillingsopslag"));

        Map<String, Object> named = api.exchangeOk(importing("?employerId=" + nordlys, "application/ld+json",
                write(List.of(noOccupation, Map.of("@type", "JobPosting", "title", "Kok i kantine",
                        "jobLocation", Map.of("address", "Bautavej 12, 8000 Aarhus C"))))));
        assertEquals(1, named.get("created"), "the employer named in the query; the title names the occupation");
    }

    @Test
    void anEmployerImportsForItselfOnlyAndSystemMayNotImport() {
        long other = api.id(api.post("/api/v1/employers", World.employer("Anden ApS", World.cvr())));
        Api nordlysItself = api.as(TestIdentityProvider.employer(nordlys));
        Map<String, Object> own = nordlysItself.exchangeOk(importing("", "application/ld+json",
                write(jobPosting("Rengøring hos os selv"))));
        assertEquals(1, own.get("created"), own.toString());
        Api otherEmployer = api.as(TestIdentityProvider.employer(other));
        Map<String, Object> refused = otherEmployer.exchangeOk(importing("", "application/ld+json",
                write(jobPosting("Rengøring hos Nordlys"))));
        assertEquals(0, refused.get("created"));
        assertEquals(Set.of("hiringOrganization.identifier"), fields(list(refused, "postings").get(0), "errors"));
        otherEmployer.fails(importing("?employerId=" + nordlys, "application/ld+json",
                write(jobPosting("x"))), HttpStatus.NOT_FOUND);
        api.as(TestIdentityProvider.system()).fails(importing("", "application/ld+json", write(jobPosting("x"))),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void aDocumentWithoutAJobPostingOrNotJsonAtAllIsRefusedWithAProblem() {
        api.fails(importing("", "application/ld+json", "{\"@type\": \"Organization\"}"),
                HttpStatus.UNPROCESSABLE_ENTITY);
        api.fails(importing("", "application/ld+json", "{\"@type\": "), HttpStatus.BAD_REQUEST);
        api.fails(importing("", "text/html", "<html><body>Intet her</body></html>"), HttpStatus.UNPROCESSABLE_ENTITY);
        api.fails(importing("?status=CLOSED", "application/ld+json", write(jobPosting("x"))), HttpStatus.BAD_REQUEST);
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        api.fails(importing("", "application/ld+json", deep), HttpStatus.BAD_REQUEST);
    }

    @Test
    @SuppressWarnings("unchecked")
    void openPostingsExportAsJobPostingJsonLdAndImportBackAsTheSamePostings() {
        List<Map<String, Object>> originals = List.of(
                World.posting(nordlys).kind("ORDINARY_JOB").title("Rundtur lager fuldtid").hours(37, 37)
                        .requiredSkills("forklift-operation").desiredSkills("cash-register")
                        .language("da", "FLUENT").set("drivingLicenceRequired", true)
                        .set("applicationDeadline", "2031-06-30").set("startDate", "2031-08-01").build(),
                World.posting(nordlys).kind("INTERNSHIP").title("Rundtur praktik i køkken").occupation("512010")
                        .hours(10, 25).support("MENTOR", "GRADUAL_START").demands("PROLONGED_STANDING")
                        .set("description", "Praktik med mentor.\nTo linjer & et tegn.").set("slots", 3)
                        .at("8200", new double[] {56.1711, 10.1887}).build(),
                World.posting(nordlys).kind("WAGE_SUBSIDY").title("Rundtur løntilskud rengøring").occupation("911210")
                        .hours(20, 30).set("endDate", "2032-01-31").set("startDate", "2031-09-01").build());
        Map<String, Map<String, Object>> byTitle = new HashMap<>();
        for (Map<String, Object> body : originals) {
            long id = api.id(api.post("/api/v1/postings", body));
            byTitle.put((String) body.get("title"), api.get("/api/v1/postings/" + id));
        }
        long draft = api.id(api.post("/api/v1/postings", World.posting(nordlys).title("Rundtur kladde")
                .set("status", "DRAFT").build()));

        io.micronaut.http.HttpResponse<String> exported = client.toBlocking().exchange(
                HttpRequest.GET("/api/v1/postings/export/jobposting?limit=5000")
                        .bearerAuth(TestIdentityProvider.system()), String.class);
        assertEquals("application/ld+json", exported.getContentType().map(Object::toString).orElse(""));
        String document = exported.body();
        assertFalse(document.contains("Rundtur kladde"), "only open postings are exported");
        Map<String, Object> parsed;
        try {
            parsed = json.readValue(document, Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<Map<String, Object>> graph = (List<Map<String, Object>>) parsed.get("@graph");
        Map<String, Object> lager = graph.stream().filter(j -> "Rundtur lager fuldtid".equals(j.get("title")))
                .findFirst().orElseThrow();
        assertEquals("FULL_TIME", lager.get("employmentType"));
        assertEquals("2031-06-30", lager.get("validThrough"));
        assertEquals("432110", ((Map<String, Object>) lager.get("occupationalCategory")).get("codeValue"));

        // Only this test's postings go back in, so that the comparison is about them alone.
        graph.removeIf(j -> !((String) j.get("title")).startsWith("Rundtur"));
        assertEquals(3, graph.size());
        Map<String, Object> report = api.exchangeOk(importing("?status=OPEN", "application/ld+json", write(parsed)));
        assertEquals(3, report.get("created"), report.toString());
        for (Map<String, Object> item : list(report, "postings")) {
            Map<String, Object> again = api.get("/api/v1/postings/" + item.get("postingId"));
            Map<String, Object> original = byTitle.get((String) again.get("title"));
            Map<String, Object> a = new HashMap<>(original);
            Map<String, Object> b = new HashMap<>(again);
            for (String generated : List.of("id", "createdAt", "updatedAt")) {
                a.remove(generated);
                b.remove(generated);
            }
            assertEquals(a, b, "round trip of " + again.get("title") + ": " + item);
        }
        assertNotNull(draft);
    }
}
