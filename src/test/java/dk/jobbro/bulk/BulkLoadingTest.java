package dk.jobbro.bulk;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bulk loading of postings and citizens: one call, a report per row, valid rows stored and searchable at once. */
@MicronautTest
class BulkLoadingTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    Api api;
    long employer;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        employer = api.id(api.post("/api/v1/employers", World.employer("Bulk " + System.nanoTime(), World.cvr())));
    }

    String line(Map<String, Object> body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static MutableHttpRequest<String> bulk(String path, String type, String body) {
        return HttpRequest.POST(path, body).contentType(type);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> report, String key) {
        return (List<Map<String, Object>>) report.get(key);
    }

    @Test
    void ndjsonRowsThatPassAreStoredAndSearchableAndEveryFailingRowSaysWhichFieldAndWhy() {
        String body = String.join("\n",
                line(World.posting(employer).title("Kamelpasser i zoo").build()),
                line(World.posting(employer).title("Kamelrytter").set("colour", "blå").build()),
                "",
                line(World.posting(employer).title("Kamelfører").occupation("999999").build()),
                line(World.posting(employer).title("Kamelvasker").hours(30, 20).build()),
                line(World.posting(employer).title("Kameltræner").set("status", "DRAFT").build()), "");
        Map<String, Object> report = api.exchangeOk(bulk("/api/v1/postings/bulk", "application/x-ndjson", body));
        assertEquals(5, report.get("rows"));
        assertEquals(2, report.get("stored"));
        assertEquals(3, report.get("failed"));
        assertEquals(List.of(1, 6), list(report, "ids").stream().map(r -> r.get("row")).toList());
        Map<Object, String> fieldByRow = list(report, "errors").stream()
                .collect(Collectors.toMap(e -> e.get("row"), e -> (String) e.get("field"), (a, b) -> a + "," + b));
        assertEquals(Map.of(2, "colour", 4, "occupationCode", 5, "hoursPerWeek.min"), fieldByRow);
        assertTrue(((String) report.get("summary")).startsWith("2 af 5 rækker gemt"), (String) report.get("summary"));

        Map<String, Object> hits = api.get("/api/v1/postings/search?q=kamelpasser");
        assertEquals(1L, ((Number) hits.get("total")).longValue(), "visible to search when the call returns");
        long draft = ((Number) list(report, "ids").get(1).get("id")).longValue();
        assertEquals("DRAFT", api.get("/api/v1/postings/" + draft).get("status"));
    }

    @Test
    void aCsvFileWithTheDocumentedHeaderLoadsWithQuotedFieldsListsAndDecimalCommas() {
        String csv = "employerId;kind;title;description;occupationCode;requiredSkills;postcode;latitude;longitude;"
                + "hoursMin;hoursMax;slots;drivingLicenceRequired;languageRequirements\n"
                + employer + ";ORDINARY_JOB;Lagerekspedient;\"Pluk; pak og \"\"kvalitet\"\"\nto linjer\";432110;"
                + "forklift-operation|cash-register;8000;56,1567;10,2108;37;37;2;ja;da:FLUENT\n"
                + employer + ";INTERNSHIP;Praktik på lager;Kort;432110;;8000;;;ti;37;1;;\n"
                + employer + ";INTERNSHIP;Praktik i Aalborg;Kort;432110;;9000;;;10;37;1;nej;\n";
        Map<String, Object> report = api.exchangeOk(bulk("/api/v1/postings/bulk", "text/csv", csv));
        assertEquals("CSV", report.get("format"));
        assertEquals(2, report.get("stored"), report.toString());
        assertEquals(List.of(Map.of("row", 2, "field", "hoursMin", "reason", "must be a whole number")),
                list(report, "errors"));
        long id = ((Number) list(report, "ids").get(0).get("id")).longValue();
        Map<String, Object> posting = api.get("/api/v1/postings/" + id);
        assertEquals("Pluk; pak og \"kvalitet\"\nto linjer", posting.get("description"));
        assertEquals(List.of("forklift-operation", "cash-register"), posting.get("requiredSkills"));
        assertEquals(true, posting.get("drivingLicenceRequired"));
        assertEquals(2, posting.get("slots"));
    }

    @Test
    void anUnknownCsvColumnRefusesTheWholeFileBeforeAnythingIsStored() {
        String csv = "employerId;kind;title;descripton\n" + employer + ";INTERNSHIP;Praktik;Tekst\n";
        Api.Problem problem = api.fails(bulk("/api/v1/postings/bulk", "text/csv", csv), HttpStatus.BAD_REQUEST);
        assertTrue(problem.namesField("header[3] descripton"), problem.body());
    }

    @Test
    void anEmployerLoadsItsOwnPostingsAndEveryRowForAnotherEmployerIsRefusedAlone() {
        long other = api.id(api.post("/api/v1/employers", World.employer("Anden " + System.nanoTime(), World.cvr())));
        String body = line(World.posting(employer).build()) + "\n" + line(World.posting(other).build()) + "\n";
        Api own = api.as(TestIdentityProvider.employer(employer));
        Map<String, Object> report = own.exchangeOk(bulk("/api/v1/postings/bulk", "application/x-ndjson", body));
        assertEquals(1, report.get("stored"));
        assertEquals(List.of(Map.of("row", 2, "field", "employerId", "reason", "not your employer")),
                list(report, "errors"));
    }

    @Test
    void citizensLoadThroughTheCitizenServiceEachCreationAuditedAndOnlyInTheConsultantsJobcentres() {
        Api aarhus = api.as(TestIdentityProvider.consultant("Aarhus"));
        String body = line(World.citizen().set("name", "Bulk Borger").build()) + "\n"
                + line(World.citizen().set("jobcentre", "Odense").build()) + "\n"
                + line(World.citizen().set("maxHoursPerWeek", 0).build()) + "\n";
        Map<String, Object> report = aarhus.exchangeOk(bulk("/api/v1/citizens/bulk", "application/x-ndjson", body));
        assertEquals(1, report.get("stored"), report.toString());
        assertEquals(List.of(Map.of("row", 2, "field", "jobcentre", "reason", "not one of your jobcentres"),
                        Map.of("row", 3, "field", "maxHoursPerWeek", "reason", "must be greater than or equal to 1")),
                list(report, "errors"));
        long id = ((Number) list(report, "ids").get(0).get("id")).longValue();
        List<Map<String, Object>> trail = api.getList("/api/v1/citizens/" + id + "/audit");
        assertEquals("CREATE", trail.get(0).get("action"));
        assertEquals("konsulent-Aarhus", trail.get(0).get("subject"));
    }

    @Test
    void citizensLoadFromCsvWithLevelledSkills() {
        String csv = "name,jobcentre,targetGroup,postcode,maxCommuteKm,maxHoursPerWeek,skills,occupationsWanted\n"
                + "CSV Borger,Aarhus,INSURED_UNEMPLOYED,8000,30,37,forklift-operation:GOOD|cash-register:BASIC,432110\n"
                + "Anden Borger,Aarhus,NO_SUCH_GROUP,8000,30,37,,\n";
        Map<String, Object> report = api.exchangeOk(bulk("/api/v1/citizens/bulk", "text/csv", csv));
        assertEquals(1, report.get("stored"), report.toString());
        assertEquals("targetGroup", list(report, "errors").get(0).get("field"));
        long id = ((Number) list(report, "ids").get(0).get("id")).longValue();
        Map<String, Object> citizen = api.get("/api/v1/citizens/" + id);
        assertEquals(List.of(Map.of("code", "forklift-operation", "level", "GOOD"),
                Map.of("code", "cash-register", "level", "BASIC")), citizen.get("skills"));
    }

    @Test
    void aCallIsBoundedInRowsAndAnEmptyOrBrokenBodyIsABadRequest() {
        String many = "{}\n".repeat(BulkFile.MAX_ROWS + 1);
        assertTrue(api.fails(bulk("/api/v1/postings/bulk", "application/x-ndjson", many), HttpStatus.BAD_REQUEST)
                .body().contains("more than 10000 rows"));
        Map<String, Object> broken = api.exchangeOk(bulk("/api/v1/postings/bulk", "application/x-ndjson",
                "{\"title\": \n[1,2]\n"));
        assertEquals(0, broken.get("stored"));
        assertFalse(list(broken, "errors").isEmpty());
        api.fails(bulk("/api/v1/citizens/bulk", "text/csv", ""), HttpStatus.BAD_REQUEST);
        api.fails(bulk("/api/v1/citizens/bulk", "text/csv", "name;jobcentre\n\"open"), HttpStatus.BAD_REQUEST);
    }
}
