package dk.jobbro.rematch;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false) // the run commits, as it does at night; HTTP reads see it
class NightlyRunTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    NightlyRun nightly;

    @Test
    @SuppressWarnings("unchecked")
    void theNightlyRunExpiresOverduePostingsAndEvaluatesEveryCitizensFlagAgain() {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Nat A/S", "61616160")));
        // Created before its deadline passed (a new posting may not be overdue); the deadline is moved back after.
        long overdue = api.id(api.post("/api/v1/postings", World.posting(employer).build()));
        api.put("/api/v1/postings/" + overdue, World.posting(employer).set("applicationDeadline", "2020-01-01").build());
        long current = api.id(api.post("/api/v1/postings", World.posting(employer)
                .set("applicationDeadline", "2999-01-01").build()));
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().build()));
        int evaluationsBefore = ((List<?>) api.get("/api/v1/citizens/" + citizen + "/flags").get("history")).size();

        NightlyRun.Result result = nightly.run();

        assertTrue(result.postingsExpired() >= 1);
        assertTrue(result.flagsEvaluated() >= 1);
        assertEquals("EXPIRED", api.get("/api/v1/postings/" + overdue).get("status"));
        assertEquals("OPEN", api.get("/api/v1/postings/" + current).get("status"));
        List<Map<String, Object>> history = (List<Map<String, Object>>) api
                .get("/api/v1/citizens/" + citizen + "/flags").get("history");
        assertEquals(evaluationsBefore + 1, history.size(), "one more stored evaluation");
    }
}
