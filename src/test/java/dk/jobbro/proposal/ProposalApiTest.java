package dk.jobbro.proposal;

import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The proposal workflow through HTTP: a consultant proposes, the employer answers, each step is stored with who and
 * when and audited, tenancy as elsewhere, and the employer never learns anything sensitive.
 */
@MicronautTest(transactional = false)
class ProposalApiTest {

    @Inject
    @Client("/")
    HttpClient client;

    Api admin;
    Api aarhus;
    Api odense;
    Api employer;
    Api otherEmployer;
    long employerId;
    long posting;
    long citizen;

    @BeforeEach
    void world() {
        admin = new Api(client).as(TestIdentityProvider.admin());
        employerId = admin.id(admin.post("/api/v1/employers", World.employer("Forslag ApS", World.cvr())));
        long other = admin.id(admin.post("/api/v1/employers", World.employer("Andre ApS", World.cvr())));
        posting = admin.id(admin.post("/api/v1/postings", World.posting(employerId).title("Lager i praktik")
                .requiredSkills("forklift-operation").set("slots", 1).build()));
        citizen = admin.id(admin.post("/api/v1/citizens", World.citizen().set("name", "Mette Hemmeligsen")
                .targetGroup("CASH_BENEFIT_ACTIVITY_READY").skills("forklift-operation").wants("432110")
                .limitations("NO_NIGHT_SHIFTS").needs("MENTOR").build()));
        admin.put("/api/v1/citizens/" + citizen + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        aarhus = new Api(client).as(TestIdentityProvider.consultant("Aarhus"));
        odense = new Api(client).as(TestIdentityProvider.consultant("Odense"));
        employer = new Api(client).as(TestIdentityProvider.employer(employerId));
        otherEmployer = new Api(client).as(TestIdentityProvider.employer(other));
    }

    long propose() {
        return aarhus.id(aarhus.post("/api/v1/proposals", Map.of("citizenId", citizen, "postingId", posting,
                "note", "Stabil og mødestabil")));
    }

    @Test
    void theEmployerSeesTheFirstNameSkillsAndExplanationButNothingSensitive() {
        long id = propose();
        Map<String, Object> seen = employer.get("/api/v1/proposals/" + id);
        assertEquals("Mette", seen.get("displayName"));
        assertNull(seen.get("citizenId"), "the employer gets no citizen id");
        assertEquals(List.of("forklift-operation").size(), ((List<?>) seen.get("skills")).size());
        Map<?, ?> explanation = (Map<?, ?>) seen.get("explanation");
        double sum = ((List<?>) explanation.get("components")).stream()
                .mapToDouble(c -> ((Number) ((Map<?, ?>) c).get("points")).doubleValue()).sum();
        assertEquals(((Number) explanation.get("score")).doubleValue(), sum, 0.01, "the bars sum to the score");
        String text = String.valueOf(employer.getList("/api/v1/proposals")) + seen;
        for (String sensitive : List.of("Hemmeligsen", "HOUSING", "hjemløs", "NIGHT", "natarbejde", "MENTOR", "mentor",
                "flag", "parallel", "CASH_BENEFIT", "jobcentre", "km")) {
            assertFalse(text.contains(sensitive), sensitive + " in " + text);
        }
    }

    @Test
    void anInterviewThenAnAcceptanceFillsTheLastSlotAndEveryStepNamesWhoAndWhen() {
        long id = propose();
        employer.postAction("/api/v1/proposals/" + id + "/answer", Map.of("answer", "INTERVIEW"));
        Map<String, Object> accepted = employer.postAction("/api/v1/proposals/" + id + "/answer",
                Map.of("answer", "ACCEPTED"));
        assertEquals("ACCEPTED", accepted.get("status"));
        Map<String, Object> after = admin.get("/api/v1/postings/" + posting);
        assertEquals(1, after.get("slotsFilled"));
        assertEquals("FILLED", after.get("status"));
        List<?> steps = (List<?>) aarhus.get("/api/v1/proposals/" + id).get("steps");
        assertEquals(List.of("PROPOSED", "INTERVIEW", "ACCEPTED"),
                steps.stream().map(s -> ((Map<?, ?>) s).get("status")).toList());
        assertEquals(List.of("konsulent-Aarhus", "employer-" + employerId, "employer-" + employerId),
                steps.stream().map(s -> ((Map<?, ?>) s).get("by")).toList());
        assertTrue(steps.stream().allMatch(s -> ((Map<?, ?>) s).get("at") != null));
        aarhus.fails(HttpRequest.POST("/api/v1/proposals/" + id + "/withdraw", Map.of()), HttpStatus.CONFLICT);
        List<Map<String, Object>> trail = admin.getList("/api/v1/citizens/" + citizen + "/audit");
        assertTrue(trail.stream().anyMatch(e -> e.get("subject").equals("employer-" + employerId)
                && e.get("action").equals("CHANGE") && e.get("endpoint").equals("POST /api/v1/proposals/{id}/answer")),
                trail.toString());
        assertTrue(trail.stream().anyMatch(e -> e.get("subject").equals("konsulent-Aarhus")
                && e.get("endpoint").equals("POST /api/v1/proposals")), trail.toString());
    }

    @Test
    void aDeclineNeedsAReasonAndTheConsultantSeesIt() {
        long id = propose();
        assertTrue(employer.fails(HttpRequest.POST("/api/v1/proposals/" + id + "/answer",
                Map.of("answer", "DECLINED")), HttpStatus.UNPROCESSABLE_ENTITY).namesField("reason"));
        employer.postAction("/api/v1/proposals/" + id + "/answer", Map.of("answer", "DECLINED",
                "reason", "Vi har valgt en anden"));
        Map<?, ?> last = (Map<?, ?>) ((List<?>) aarhus.get("/api/v1/proposals/" + id).get("steps")).get(1);
        assertEquals("Vi har valgt en anden", last.get("reason"));
        assertEquals(0, admin.get("/api/v1/postings/" + posting).get("slotsFilled"));
    }

    @Test
    void theConsultantMayWithdrawAnOpenProposalAndProposeAgainLater() {
        long id = propose();
        aarhus.fails(HttpRequest.POST("/api/v1/proposals", Map.of("citizenId", citizen, "postingId", posting)),
                HttpStatus.CONFLICT);
        aarhus.postAction("/api/v1/proposals/" + id + "/withdraw", Map.of("reason", "Borgeren er syg"));
        assertEquals("WITHDRAWN", employer.get("/api/v1/proposals/" + id).get("status"));
        propose();
    }

    @Test
    void tenancyOtherEmployersAndOtherJobcentresSeeNothingAndAnswerNothing() {
        long id = propose();
        assertEquals(List.of(), otherEmployer.getList("/api/v1/proposals"));
        assertEquals(List.of(), odense.getList("/api/v1/proposals"));
        otherEmployer.fails(HttpRequest.GET("/api/v1/proposals/" + id), HttpStatus.NOT_FOUND);
        odense.fails(HttpRequest.GET("/api/v1/proposals/" + id), HttpStatus.NOT_FOUND);
        otherEmployer.fails(HttpRequest.POST("/api/v1/proposals/" + id + "/answer", Map.of("answer", "ACCEPTED")),
                HttpStatus.NOT_FOUND);
        odense.fails(HttpRequest.POST("/api/v1/proposals", Map.of("citizenId", citizen, "postingId", posting)),
                HttpStatus.NOT_FOUND);
        employer.fails(HttpRequest.POST("/api/v1/proposals", Map.of("citizenId", citizen, "postingId", posting)),
                HttpStatus.FORBIDDEN);
        aarhus.fails(HttpRequest.POST("/api/v1/proposals/" + id + "/answer", Map.of("answer", "ACCEPTED")),
                HttpStatus.FORBIDDEN);
        employer.fails(HttpRequest.POST("/api/v1/proposals/" + id + "/withdraw", Map.of()), HttpStatus.FORBIDDEN);
        assertEquals(1, employer.getList("/api/v1/proposals?postingId=" + posting).size());
        assertEquals(1, aarhus.getList("/api/v1/proposals?citizenId=" + citizen).size());
    }

    @Test
    void theProposalEndpointsAreInTheOpenApiDocumentAndThePagesAreNot() {
        String document = client.toBlocking().retrieve(HttpRequest.GET("/openapi/jobbro-v1.yml"));
        assertTrue(document.contains("/api/v1/proposals/{id}/answer"), "proposals documented");
        assertTrue(document.contains("/api/v1/proposals/{id}/withdraw"));
        assertFalse(document.contains("/konsulent"), "pages are no API");
    }

    @Test
    void aCitizensProposalsAreExportedAndErasedWithTheCitizen() {
        long id = propose();
        employer.postAction("/api/v1/proposals/" + id + "/answer", Map.of("answer", "INTERVIEW"));
        Map<?, ?> records = (Map<?, ?>) admin.get("/api/v1/citizens/" + citizen + "/export").get("records");
        assertEquals(1, ((List<?>) records.get("proposal")).size());
        assertEquals(2, ((List<?>) records.get("proposal_step")).size());
        admin.delete("/api/v1/citizens/" + citizen);
        admin.fails(HttpRequest.GET("/api/v1/proposals/" + id), HttpStatus.NOT_FOUND);
        assertEquals(List.of(), employer.getList("/api/v1/proposals"));
    }
}
