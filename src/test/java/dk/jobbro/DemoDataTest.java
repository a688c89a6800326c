package dk.jobbro;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped demo data set loads through the real services, with the shipped taxonomy, and shows its point. */
@MicronautTest
@Property(name = "jobbro.demo-data.enabled", value = "true")
@Property(name = "jobbro.taxonomy.seed-dir", value = "index/taxonomy")
class DemoDataTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    @SuppressWarnings("unchecked")
    void theFirstStartShowsEmployersPostingsMatchesAndAWorklistWithFlaggedCitizensFirst() {
        Api api = new Api(client);
        assertEquals(15, api.getList("/api/v1/employers?size=200").size());
        assertEquals(45, api.getList("/api/v1/postings?size=200").size());
        List<Map<String, Object>> citizens = api.getList("/api/v1/citizens?size=200");
        assertEquals(25, citizens.size());

        int withMatches = 0;
        for (Map<String, Object> c : citizens) {
            List<?> matches = (List<?>) api.get("/api/v1/citizens/" + api.id(c) + "/matches").get("matches");
            if (!matches.isEmpty()) {
                withMatches++;
            }
        }
        assertTrue(withMatches >= 20, "most demo citizens have matches: " + withMatches);

        List<Map<String, Object>> worklist = (List<Map<String, Object>>) api
                .get("/api/v1/worklist?jobcentre=Aarhus").get("citizens");
        assertEquals(8, worklist.size());
        List<Boolean> needed = worklist.stream()
                .map(e -> (Boolean) ((Map<String, Object>) e.get("flag")).get("needed")).toList();
        assertTrue(needed.get(0) && needed.get(1), "the two flagged Aarhus citizens come first: " + needed);
        assertFalse(needed.subList(2, needed.size()).contains(true));
        assertEquals("ACUTE", ((Map<String, Object>) worklist.get(0).get("flag")).get("urgency"));
    }
}
