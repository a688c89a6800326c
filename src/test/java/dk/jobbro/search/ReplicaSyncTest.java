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
    void morePostingsThanAFollowerPageChangedAtOneInstantAllReachTheOthersIndex() throws Exception {
        PostingIndex other = indexOfB();
        Api api = new Api(client).as(TestIdentityProvider.admin());
        long employer = api.id(api.post("/api/v1/employers", World.employer("Samme Tid ApS", World.cvr())));
        long first = api.id(api.post("/api/v1/postings", World.posting(employer).title("Pakker i samme sekund")
                .build()));
        // One statement stamps them all with one instant, as the nightly expiry does; written behind A's index (no
        // event), so only following brings them to B, a page of 1,000 at a time.
        dk.jobbro.posting.PostingRepository repository = a.getBean(dk.jobbro.posting.PostingRepository.class);
        dk.jobbro.posting.Posting p = repository.findById(first).orElseThrow();
        java.time.Instant one = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        java.util.List<dk.jobbro.posting.Posting> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            many.add(new dk.jobbro.posting.Posting(null, p.employerId(), p.kind(), p.status(), "Pakker nr. " + i,
                    p.description(), p.occupationCode(), p.requiredSkills(), p.desiredSkills(), p.street(),
                    p.postcode(), p.city(), p.latitude(), p.longitude(), p.hoursMin(), p.hoursMax(), p.startDate(),
                    p.applicationDeadline(), p.endDate(), p.slots(), p.slotsFilled(), p.supportOffered(),
                    p.physicalDemands(), p.drivingLicenceRequired(), p.languageRequirements(), one, one));
        }
        java.util.List<Long> ids = new java.util.ArrayList<>();
        repository.saveAll(many).forEach(saved -> ids.add(saved.id()));

        long deadline = System.nanoTime() + 10_000_000_000L;
        java.util.List<Long> missing = ids;
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            missing = missing.stream().filter(id -> other.facts(id) == null).toList();
        }
        assertEquals(0, missing.size(), "postings stamped at one instant that never reached the other instance");
    }

    @Test
    void anInstanceThatHasJustRebuiltItsIndexHoldsTheVersionsItReadSoItsFollowerSkipsThem() throws Exception {
        indexOfB();
        Api api = new Api(client).as(TestIdentityProvider.admin());
        long employerId = api.id(api.post("/api/v1/employers", World.employer("Genopbygget ApS", World.cvr())));
        long postingId = api.id(api.post("/api/v1/postings", World.posting(employerId).title("Lager efter genstart")
                .build()));
        PostingIndexer indexer = b.getBean(PostingIndexer.class);
        indexer.rebuild();
        // Both lie within B's follow window: without the rebuild's versions it would index them again.
        assertTrue(indexer.indexed(a.getBean(dk.jobbro.posting.PostingRepository.class).findById(postingId)
                .orElseThrow()), "the rebuild's version of the posting");
        assertTrue(indexer.indexed(a.getBean(dk.jobbro.employer.EmployerRepository.class).findById(employerId)
                .orElseThrow()), "the rebuild's version of the employer");
    }

    @Test
    void aPostingReadBeforeItsLatestChangeNeverReplacesItInTheIndex() {
        Api api = new Api(client).as(TestIdentityProvider.admin());
        long employer = api.id(api.post("/api/v1/employers", World.employer("Gammel Udgave ApS", World.cvr())));
        long posting = api.id(api.post("/api/v1/postings", World.posting(employer).title("Første udgave").build()));
        dk.jobbro.posting.Posting readEarly = a.getBean(dk.jobbro.posting.PostingRepository.class).findById(posting)
                .orElseThrow();
        api.put("/api/v1/postings/" + posting, World.posting(employer).title("Anden udgave").build());

        a.getBean(PostingIndexer.class).reindex(readEarly);

        assertEquals("Anden udgave", a.getBean(PostingIndex.class).facts(posting).title());
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
