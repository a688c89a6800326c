package dk.jobbro.search;

import dk.jobbro.matching.PostingFacts;
import dk.jobbro.support.Api;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every replica sees every posting: a posting created, changed and closed through instance A (this test's context)
 * reaches the index of instance B (a second application context on A's database, with an index of its own) within
 * a bounded wait, without a restart; so does a citizen, into B's citizen index, until erased.
 */
@MicronautTest(transactional = false)
class ReplicaSyncTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext a;

    static ApplicationContext b;

    @AfterAll
    static void stopB() {
        if (b != null) {
            b.close();
        }
    }

    PostingIndex indexOfB() throws Exception {
        if (b == null) {
            Map<String, Object> props = new HashMap<>();
            props.put("datasources.default.username", a.getRequiredProperty("datasources.default.username", String.class));
            props.put("datasources.default.password", a.getRequiredProperty("datasources.default.password", String.class));
            props.put("jobbro.index.path", Files.createTempDirectory("jobbro-replica-b").toString());
            props.put("micronaut.server.port", -1);
            props.put("jobbro.demo-data.enabled", false);
            System.setProperty("datasources.default.url", a.getRequiredProperty("datasources.default.url", String.class));
            try {
                b = ApplicationContext.builder().propertySources(PropertySource.of("replica-b", props, 300))
                        .environments("test").start();
            } finally {
                System.clearProperty("datasources.default.url");
            }
        }
        return b.getBean(PostingIndex.class);
    }

    @Test
    void aPostingWrittenThroughOneInstanceReachesTheOthersIndex() throws Exception {
        PostingIndex other = indexOfB();
        Api api = new Api(client).as(TestIdentityProvider.admin());
        long employer = api.id(api.post("/api/v1/employers", World.employer("Replika ApS", World.cvr())));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).title("Lagerhjælper på replika")
                .build()));
        PostingFacts created = await(other, posting, f -> true);
        assertEquals("Lagerhjælper på replika", created.title());

        api.put("/api/v1/postings/" + posting, World.posting(employer).title("Truckfører på replika").build());
        assertEquals("Truckfører på replika", await(other, posting, f -> f.title().startsWith("Truckfører")).title());

        api.postOk("/api/v1/postings/" + posting + "/close");
        assertEquals("CLOSED", await(other, posting, f -> f.status().name().equals("CLOSED")).status().name());
    }

    @Test
    void aCitizenCreatedOnOneInstanceReachesTheOthersCitizenIndexAndLeavesItWhenErased() throws Exception {
        indexOfB();
        CitizenIndex other = b.getBean(CitizenIndex.class);
        Api api = new Api(client).as(TestIdentityProvider.admin());
        long citizen = api.id(api.post("/api/v1/citizens", World.citizen().wants("432110").set("maxCommuteKm", 12)
                .build()));
        assertEquals(12, awaitCitizen(other, citizen, f -> f != null).maxCommuteKm());

        api.put("/api/v1/citizens/" + citizen, World.citizen().wants("432110").set("maxCommuteKm", 44).build());
        assertEquals(44, awaitCitizen(other, citizen, f -> f != null && f.maxCommuteKm() == 44).maxCommuteKm());

        long employer = api.id(api.post("/api/v1/employers", World.employer("Replika Ikke ApS", World.cvr())));
        api.post("/api/v1/citizens/" + citizen + "/not-for", java.util.Map.of("employerId", employer,
                "reason", "Konsulentens vurdering"));
        assertTrue(awaitCitizen(other, citizen, f -> f != null && f.notForEmployers().containsKey(employer))
                .notForEmployers().containsKey(employer));

        api.delete("/api/v1/citizens/" + citizen);
        assertNull(awaitCitizen(other, citizen, java.util.Objects::isNull), "erased on the other instance too");
        assertEquals(0L, (long) other.search(s -> s.count(new org.apache.lucene.search.TermQuery(
                new org.apache.lucene.index.Term(CitizenFields.ID, Long.toString(citizen))))));
    }

    private static dk.jobbro.matching.CitizenFacts awaitCitizen(CitizenIndex index, long id,
            java.util.function.Predicate<dk.jobbro.matching.CitizenFacts> done) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            dk.jobbro.matching.CitizenFacts facts = index.facts(id);
            if (done.test(facts)) {
                return facts;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("citizen " + id + " reached the other instance only as " + index.facts(id));
    }

    private static PostingFacts await(PostingIndex index, long id, java.util.function.Predicate<PostingFacts> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            PostingFacts facts = index.facts(id);
            if (facts != null && done.test(facts)) {
                return facts;
            }
            Thread.sleep(50);
        }
        PostingFacts last = index.facts(id);
        assertNotNull(last, "posting " + id + " never reached the other instance's index");
        throw new AssertionError("posting " + id + " reached the other instance only as " + last);
    }
}
