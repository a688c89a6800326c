package dk.jobbro;

import dk.jobbro.search.PostingIndexer;
import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Free-text search, Danish analysis, near-real-time visibility and rebuilding from the database. */
@MicronautTest
class SearchAndIndexTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    PostingIndexer indexer;

    Api api;
    long employer;

    @BeforeEach
    void setUp() {
        api = new Api(client);
        employer = api.id(api.post("/api/v1/employers",
                World.employer("Søg " + System.nanoTime(), World.cvr())));
    }

    @Test
    void aPostingIsSearchableRightAfterCreationAndGoneAfterClose() {
        long id = api.id(api.post("/api/v1/postings", World.posting(employer)
                .title("Zebrapasser i dyrepark").build()));
        assertEquals(List.of(id), hitIds(search("q=zebrapasser")));
        api.postOk("/api/v1/postings/" + id + "/close");
        assertEquals(List.of(), hitIds(search("q=zebrapasser")));
        assertEquals(List.of(id), hitIds(search("q=zebrapasser&status=CLOSED")));
    }

    @Test
    void aSearchForAPartOfACompoundWordFindsTheCompound() {
        long id = api.id(api.post("/api/v1/postings", World.posting(employer).title("Lagermedarbejder søges").build()));
        assertTrue(hitIds(search("q=lager")).contains(id), "lager finds lagermedarbejder");
        assertTrue(hitIds(search("q=lagermedarbejdere")).contains(id), "the plural finds the singular");
    }

    @Test
    @SuppressWarnings("unchecked")
    void facetCountsPerKindIgnoreTheKindFilterAndTheRadiusFilters() {
        api.post("/api/v1/postings", World.posting(employer).title("Gartner").kind("INTERNSHIP").build());
        api.post("/api/v1/postings", World.posting(employer).title("Gartner").kind("WAGE_SUBSIDY").build());
        api.post("/api/v1/postings", World.posting(employer).title("Gartner").kind("WAGE_SUBSIDY")
                .at("9000", World.AALBORG).build());
        Map<String, Object> r = search("q=gartner&kind=INTERNSHIP&lat=56.1567&lon=10.2108&radiusKm=20");
        assertEquals(1, ((Number) r.get("total")).intValue());
        Map<String, Object> counts = (Map<String, Object>) r.get("kindCounts");
        assertEquals(1, ((Number) counts.get("INTERNSHIP")).intValue());
        assertEquals(1, ((Number) counts.get("WAGE_SUBSIDY")).intValue());
        assertEquals(0, ((Number) counts.get("ORDINARY_JOB")).intValue());
    }

    @Test
    void queryOperatorsAndHugeInputAreJustWords() {
        api.post("/api/v1/postings", World.posting(employer).title("Chauffør").build());
        for (String q : List.of("title:(a OR b) AND *", "\"unclosed", "~~~^^^***", "x".repeat(9_000),
                "a ".repeat(4_000), "NOT -+&&||!(){}[]^\"~*?:\\/")) {
            Map<String, Object> r = search("q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertTrue(((Number) r.get("total")).intValue() >= 0);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIndexRebuiltFromTheDatabaseGivesTheSameMatches() {
        for (int i = 0; i < 15; i++) {
            api.post("/api/v1/postings", World.posting(employer).title("Lager " + i)
                    .requiredSkills(i % 2 == 0 ? "forklift-operation" : "cleaning")
                    .at("8000", new double[]{56.15 + i * 0.01, 10.2}).build());
        }
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().wants("432110")
                .skills("forklift-operation").build()));
        Object before = api.get("/api/v1/citizens/" + citizen + "/matches?limit=50").get("matches");
        Object searchBefore = search("q=lager&limit=50").get("hits");
        indexer.rebuild();
        assertEquals(before, api.get("/api/v1/citizens/" + citizen + "/matches?limit=50").get("matches"));
        assertEquals(searchBefore, search("q=lager&limit=50").get("hits"));
        assertFalse(((List<?>) before).isEmpty());
    }

    private Map<String, Object> search(String query) {
        return api.get("/api/v1/postings/search?" + query);
    }

    @SuppressWarnings("unchecked")
    private static List<Long> hitIds(Map<String, Object> result) {
        return ((List<Map<String, Object>>) result.get("hits")).stream()
                .map(h -> ((Number) h.get("id")).longValue()).toList();
    }
}
