package dk.jobbro.rematch;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The nightly run on a small world, one instance: on demand, from the command, resumed after a killed instance,
 * idempotent, refused while another runs, under the fatigue cap, with its feed, work list and personal-data duties.
 * Tests share one database and run in order: each run is compared with the one before it.
 */
@MicronautTest(transactional = false, contextBuilder = RematchTestContext.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyRematchTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RematchRuns runs;

    @Inject
    RematchSteps steps;

    @Inject
    ApplicationContext context;

    @Inject
    DataSource dataSource;

    @Inject
    io.micronaut.json.JsonMapper json;

    static long employer;
    static final List<Long> postings = new ArrayList<>();
    static final List<Long> citizens = new ArrayList<>();

    private Api api() {
        return new Api(client);
    }

    /** Five citizens and four postings in Aarhus, all wanting and offering the same occupation. */
    private void world() {
        if (!citizens.isEmpty()) {
            return;
        }
        Api api = api();
        employer = api.id(api.post("/api/v1/employers", World.employer("Nat A/S", World.cvr())));
        for (int i = 0; i < 4; i++) {
            postings.add(api.id(api.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB")
                    .title("Lagerarbejder " + i).set("slots", 3).hours(10 + i, 37).build())));
        }
        for (int i = 0; i < 5; i++) {
            citizens.add(api.id(api.post("/api/v1/citizens", World.citizen().set("name", "Borger " + i)
                    .set("occupationsWanted", List.of("432110")).set("maxCommuteKm", 10 + i).build())));
        }
    }

    private RematchRun waitForDone(long id) {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            RematchRun run = runs.progress(id);
            if (run.state() == RematchRun.State.DONE) {
                return run;
            }
            sleep(100);
        }
        return fail("run " + id + " not done: " + runs.progress(id));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private long sql(String query) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement()) {
            if (!query.startsWith("SELECT")) {
                return s.executeUpdate(query);
            }
            try (ResultSet r = s.executeQuery(query)) {
                return r.next() ? r.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of a run in a canonical text: equal text, equal results. */
    private String fingerprint(long run) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT citizen_id, posting_id, score, match_rank, change_kind"
                     + " FROM rematch_match WHERE run_id = " + run + " ORDER BY citizen_id, posting_id")) {
            StringBuilder out = new StringBuilder();
            while (r.next()) {
                out.append(r.getLong(1)).append(':').append(r.getLong(2)).append(':').append(r.getDouble(3))
                        .append(':').append(r.getObject(4)).append(':').append(r.getString(5)).append('\n');
            }
            return out.toString() + "failures=" + sql("SELECT COUNT(*) FROM rematch_failure WHERE run_id = " + run);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(Map<String, Object> feed, String key) {
        return (List<Map<String, Object>>) feed.get(key);
    }

    @Test
    @Order(1)
    void anOnDemandRunStoresEachCitizensTopNWithComponentsAndVersionsUnderTheFatigueCap() {
        world();
        Api api = api();
        io.micronaut.http.HttpResponse<Map> started = client.toBlocking().exchange(
                api.identify(HttpRequest.POST("/api/v1/rematch-runs", Map.of())), Map.class);
        assertEquals(HttpStatus.ACCEPTED, started.getStatus());
        long id = ((Number) started.body().get("id")).longValue();
        RematchRun run = waitForDone(id);
        assertEquals(RematchRun.StartedBy.API, run.startedBy());
        assertEquals(citizens.size(), run.citizensDone(), run.toString());
        assertEquals(3, run.chunks(), "5 citizens in chunks of 2");
        assertEquals(0, run.failed());
        assertNotNull(run.report());
        assertTrue(run.report().perPostingMax() <= 2, "fatigue cap 2: " + run.report());
        assertTrue(run.report().heldBackByFatigueCap() > 0, "5 citizens want the same 4 postings: " + run.report());
        for (long posting : postings) {
            assertTrue(sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id + " AND posting_id = " + posting
                    + " AND match_rank IS NOT NULL") <= 2, "posting " + posting);
        }
        Map<String, Object> feed = api.get("/api/v1/citizens/" + citizens.getFirst() + "/matches/new");
        assertEquals(id, ((Number) feed.get("run")).longValue());
        List<Map<String, Object>> fresh = list(feed, "newMatches");
        assertFalse(fresh.isEmpty(), feed.toString());
        assertTrue(fresh.size() <= 3, "top 3");
        assertEquals(1, ((Number) fresh.getFirst().get("rank")).intValue());
        assertFalse(list(fresh.getFirst(), "components").isEmpty());
        assertEquals(run.rankingVersion(), feed.get("rankingVersion"));
        assertEquals(run.eligibilityVersion(), feed.get("eligibilityVersion"));
        // Nothing about circumstances or flags in a stored result: its columns are ids, scores and components.
        assertEquals(0, sql("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE()"
                + " AND table_name = 'rematch_match' AND (column_name LIKE '%circumstance%' OR column_name LIKE '%flag%'"
                + " OR column_name LIKE '%note%')"));
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void theNextRunReportsNewImprovedAndDroppedMatchesAndTheWorkListPutsNewMatchesFirstAfterFlags() {
        world();
        Api api = api();
        long before = runs.latestDone().orElseThrow().id();
        long citizen = citizens.getFirst();
        Map<String, Object> last = api.get("/api/v1/citizens/" + citizen + "/matches/new");
        long best = ((Number) list(last, "newMatches").getFirst().get("postingId")).longValue();
        api.postOk("/api/v1/postings/" + best + "/close");
        long added = api.id(api.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB")
                .title("Lagerarbejder ny").set("slots", 3).build()));
        postings.add(added);

        long id = runs.start(RematchRun.StartedBy.API).id();
        waitForDone(id);

        Map<String, Object> feed = api.get("/api/v1/citizens/" + citizen + "/matches/new");
        assertEquals(before, ((Number) feed.get("since")).longValue());
        Set<Long> dropped = list(feed, "dropped").stream().map(m -> ((Number) m.get("postingId")).longValue())
                .collect(Collectors.toSet());
        assertTrue(dropped.contains(best), "the closed posting dropped out: " + feed);
        Map<String, Object> sinceFirst = api.get("/api/v1/citizens/" + citizen + "/matches/new?since=" + before);
        assertEquals(feed.get("dropped"), sinceFirst.get("dropped"));
        assertEquals(1, sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id + " AND citizen_id = "
                + citizen + " AND posting_id = " + best + " AND change_kind = 'DROPPED'"));

        // Work list: flagged first (as before), then citizens with the most new matches in the latest run.
        List<Map<String, Object>> worklist = list(api.get("/api/v1/worklist?jobcentre=Aarhus"), "citizens");
        List<Integer> counts = new ArrayList<>();
        for (Map<String, Object> e : worklist) {
            if (!Boolean.TRUE.equals(((Map<String, Object>) e.get("flag")).get("needed"))) {
                counts.add(((Number) e.get("newMatches")).intValue());
            }
        }
        List<Integer> sorted = new ArrayList<>(counts);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, counts, "most new matches first");
        assertTrue(counts.getFirst() > 0, "someone got the new posting: " + worklist);
    }

    @Test
    @Order(3)
    void aSecondStartIsRefusedNamingTheRunningOneAndAFailingCitizenIsRecordedWhileTheRunGoesOn() {
        world();
        Api api = api();
        long broken = api.id(api.post("/api/v1/citizens", World.citizen().set("name", "Brudt")
                .set("occupationsWanted", List.of("432110")).build()));
        sql("UPDATE citizen SET home_latitude = 95 WHERE id = " + broken); // no such place: the geo query throws

        long id = steps.open(RematchRun.StartedBy.API); // under way, its tasks not yet scheduled
        Api.Problem refused = api.fails(HttpRequest.POST("/api/v1/rematch-runs", Map.of()), HttpStatus.CONFLICT);
        assertTrue(refused.body().contains("Rematch run " + id + " is already running"), refused.body());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(2, RematchCommand.run(context, new PrintStream(out), Duration.ofMillis(50)));
        assertTrue(out.toString().contains("Rematch run " + id + " is already running"), out.toString());

        runs.resume(id);
        RematchRun run = waitForDone(id);
        assertEquals(1, run.failed(), run.toString());
        assertEquals(broken, run.failures().getFirst().citizenId());
        assertTrue(run.failures().getFirst().error().contains("atitude"), run.failures().toString());
        assertEquals(citizens.size() + 1, run.citizensDone());
        assertEquals(0, sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id + " AND citizen_id = " + broken));
        sql("UPDATE citizen SET active = FALSE WHERE id = " + broken);
    }

    @Test
    @Order(4)
    void aChunkOfAKilledInstanceIsTakenAgainAndTheRunFinishesWithNothingLostOrWrittenTwice() {
        world();
        long id = steps.open(RematchRun.StartedBy.API);
        List<Integer> chunks = steps.prepare(id);
        assertEquals(3, chunks.size());
        // Instance "dead" picked chunk 0 and died; it also finished chunk 1 (committed) but died before telling
        // db-scheduler. Both rows stay picked, their heartbeats an hour old.
        assertTrue(steps.matchChunk(id, 1));
        for (int chunk : List.of(0, 1)) {
            sql("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,"
                    + " last_heartbeat, version) VALUES ('rematch-chunk', '" + id + ":" + chunk + "', NULL,"
                    + " UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, TRUE, 'dead', UTC_TIMESTAMP(6) - INTERVAL 1 HOUR, 1)");
        }
        String chunkOne = sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id) + "";

        runs.resume(id); // the other chunk is scheduled; 0 and 1 exist already and wait for dead-execution detection
        RematchRun run = waitForDone(id);

        assertEquals(citizens.size(), run.citizensDone(), run.toString());
        assertNotNull(chunkOne);
        assertEquals(1, sql("SELECT COUNT(DISTINCT done_by) FROM rematch_chunk WHERE run_id = " + id
                + " AND chunk_no = 1"), "chunk 1 done once");
        assertEquals(run.report().proposals(), sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id
                + " AND match_rank IS NOT NULL"));
        assertEquals(0, run.failed());
        for (long citizen : citizens) {
            // Under the fatigue cap (2 per posting, 4 postings, 5 citizens) the last citizen may be left with none.
            long ranked = sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id + " AND citizen_id = " + citizen
                    + " AND match_rank IS NOT NULL");
            assertTrue(ranked <= 3, "citizen " + citizen + ": " + ranked);
            assertEquals(ranked, sql("SELECT COUNT(DISTINCT match_rank) FROM rematch_match WHERE run_id = " + id
                    + " AND citizen_id = " + citizen + " AND match_rank IS NOT NULL"), "ranks once each");
        }
        assertEquals(0, sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE '" + id + ":%'"));
    }

    @Test
    @Order(5)
    void runningAFinishedRunAgainChangesNothing() {
        long id = runs.latestDone().orElseThrow().id();
        String before = fingerprint(id);
        RematchRun done = runs.progress(id);

        runs.resume(id);
        sleep(1500);
        assertFalse(steps.matchChunk(id, 0));
        steps.finish(id);

        assertEquals(before, fingerprint(id));
        assertEquals(done.report(), runs.progress(id).report());
        assertEquals(done.finishedAt(), runs.progress(id).finishedAt());
    }

    @Test
    @Order(6)
    void theCommandStartsARunAndWaitsForIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, RematchCommand.run(context, new PrintStream(out), Duration.ofMillis(100)), out.toString());
        assertTrue(out.toString().contains(" done: "), out.toString());
        assertEquals(RematchRun.StartedBy.COMMAND, runs.latestDone().orElseThrow().startedBy());
    }

    @Test
    @Order(7)
    void erasureRemovesStoredResultsExportIncludesThemAndRetentionPurgesOldRuns() {
        Api api = api();
        long citizen = citizens.getFirst();
        assertTrue(sql("SELECT COUNT(*) FROM rematch_match WHERE citizen_id = " + citizen) > 0);
        Map<String, Object> export = api.get("/api/v1/citizens/" + citizen + "/export");
        assertTrue(export.toString().contains("rematch_match"), "export lists the stored matches");

        api.delete("/api/v1/citizens/" + citizen);
        assertEquals(0, sql("SELECT COUNT(*) FROM rematch_match WHERE citizen_id = " + citizen));

        long runsBefore = sql("SELECT COUNT(*) FROM rematch_run");
        dk.jobbro.security.Retention retention = context.getBean(dk.jobbro.security.Retention.class);
        assertEquals(0, retention.purge(java.time.Clock.offset(java.time.Clock.systemUTC(), Duration.ofDays(89)))
                .matchRuns());
        assertEquals(runsBefore, retention.purge(java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.ofDays(91))).matchRuns());
        assertEquals(0, sql("SELECT COUNT(*) FROM rematch_match"));
    }

    @Test
    @Order(8)
    void aFinishThatDiedAfterTheFatigueCapGoesOnFromTheChunksNotYetStoredAndKeepsNoCandidatesAfterwards() {
        world();
        long previous = runs.latestDone().map(RematchRun::id).orElse(0L);
        long id = steps.open(RematchRun.StartedBy.API);
        List<Integer> chunks = steps.prepare(id);
        for (int chunk : chunks) {
            assertTrue(steps.matchChunk(id, chunk));
        }
        List<Integer> unstored = steps.allocate(id).orElseThrow();
        assertEquals(chunks, unstored, "every matched chunk waits to be stored");
        assertTrue(steps.storeChunk(id, unstored.getFirst()));
        assertFalse(steps.storeChunk(id, unstored.getFirst()), "a chunk is stored once");
        assertEquals(List.of(), steps.allocate(id).orElseThrow().stream().filter(unstored.getFirst()::equals).toList());
        // The finishing instance died here; its tasks are gone. Taken up again, the run goes on where it stood.
        runs.resume(id);
        RematchRun run = waitForDone(id);

        assertEquals(run.report().proposals(), sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id
                + " AND match_rank IS NOT NULL"));
        assertEquals(sql("SELECT COUNT(*) FROM rematch_match WHERE run_id = " + id),
                sql("SELECT COUNT(DISTINCT citizen_id, posting_id) FROM rematch_match WHERE run_id = " + id),
                "no match written twice");
        assertEquals(chunks.size(), sql("SELECT COUNT(*) FROM rematch_chunk WHERE run_id = " + id
                + " AND state = 'STORED'"));
        assertEquals(0, sql("SELECT COUNT(*) FROM rematch_chunk WHERE run_id = " + id + " AND (candidate_keys IS NOT"
                + " NULL OR candidate_components IS NOT NULL OR ranks IS NOT NULL)"), "candidates cleared when done");
        assertTrue(run.report().proposals() > 0, run.toString());
        if (previous == 0) {
            assertEquals(run.report().proposals(), run.report().newMatches(), "no earlier run: every match is new");
        }
    }

    @Test
    void storedComponentsAreTheJsonTheMapperWritesForThem() throws Exception {
        java.util.Random random = new java.util.Random(5);
        String[] names = {"skills", "occupation", "experience", "text", "distance", "hours", "support"};
        for (int n = 0; n < 2_000; n++) {
            List<dk.jobbro.matching.ScoreComponent> components = new java.util.ArrayList<>();
            List<RematchSteps.StoredComponent> stored = new java.util.ArrayList<>();
            for (String name : names) {
                double value = n % 7 == 0 ? 0.0 : Math.round(random.nextDouble() * 10_000) / 10_000.0;
                double weight = new double[]{4.0, 1.5, 0.5, 2.5, 3.0, 0.0, 1e-4}[random.nextInt(7)];
                double points = Math.round(value * weight * 10_000) / 10_000.0;
                components.add(new dk.jobbro.matching.ScoreComponent(name, value, weight, points, ""));
                stored.add(new RematchSteps.StoredComponent(name, value, weight, points));
            }
            assertEquals(json.writeValueAsString(stored), RematchSteps.components(components));
        }
    }
}

