package dk.jobbro.flagging;

import dk.jobbro.support.Api;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Demo citizens may carry circumstances; they are recorded through the service, so the first start has flags. */
@MicronautTest(transactional = false)
@Property(name = "jobbro.demo-data.enabled", value = "true")
@Property(name = "jobbro.demo-data.resource", value = "demo/flag-demo-data.json")
class DemoFlagsTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void demoCitizensWithCircumstancesStartFlaggedAtTheTopOfTheWorklist() {
        Api api = new Api(client);
        List<Map<String, Object>> worklist = (List<Map<String, Object>>) api.get("/api/v1/worklist?jobcentre=L%C3%A6s%C3%B8")
                .get("citizens");
        assertEquals(List.of("Demo Med Forhold", "Demo Uden Forhold"),
                worklist.stream().map(e -> e.get("name")).toList());
        Map<String, Object> flag = (Map<String, Object>) worklist.get(0).get("flag");
        assertEquals("ACUTE", flag.get("urgency"));
        long id = ((Number) worklist.get(0).get("citizenId")).longValue();
        List<Map<String, Object>> recorded = (List<Map<String, Object>>) api
                .get("/api/v1/citizens/" + id + "/circumstances").get("circumstances");
        assertEquals("demo", recorded.get(0).get("recordedBy"), "recordedBy may be left out in demo data");
        assertEquals("IN_TREATMENT", recorded.get(1).get("handledBy"));
    }
}
