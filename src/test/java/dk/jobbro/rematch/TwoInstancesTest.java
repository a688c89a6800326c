package dk.jobbro.rematch;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two instances of the service on one database: this test's context (A) and a second application context (B)
 * started on A's database URL. They race to start a run, share its chunks, and only one of them fires the cron.
 */
@MicronautTest(transactional = false, contextBuilder = RematchTestContext.class)
class TwoInstancesTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ApplicationContext a;

    @Inject
    DataSource dataSource;

    static ApplicationContext b;

    private ApplicationContext second() throws Exception {
        if (b == null) {
            Map<String, Object> props = new HashMap<>(RematchTestContext.SETTINGS);
            props.put("jobbro.rematch.chunk-size", 1);
            props.put("datasources.default.username", a.getProperty("datasources.default.username", String.class).orElse("root"));
            props.put("datasources.default.password", a.getProperty("datasources.default.password", String.class).orElse(""));
            props.put("jobbro.index.path", Files.createTempDirectory("jobbro-b-index").toString());
            props.put("micronaut.server.port", -1);
            String url = a.getRequiredProperty("datasources.default.url", String.class);
            // The configurer takes an explicit URL from a system property: then it starts no database of its own.
            System.setProperty("datasources.default.url", url);
            try {
                b = ApplicationContext.builder().propertySources(PropertySource.of("instance-b", props, 300))
                        .environments("test").start();
            } finally {
                System.clearProperty("datasources.default.url");
            }
        }
        return b;
    }

    @AfterAll
    static void stopB() {
        if (b != null) {
            b.close();
        }
    }

    private List<String> column(String query) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(query)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    private RematchRun waitForDone(RematchRuns runs, long id) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            RematchRun run = runs.progress(id);
            if (run.state() == RematchRun.State.DONE) {
                return run;
            }
            Thread.sleep(100);
        }
        return fail("not done: " + runs.progress(id));
    }

    @Test
    void twoInstancesRacingToStartGetOneRunAndShareItsChunks() throws Exception {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Deling A/S", World.cvr())));
        for (int i = 0; i < 6; i++) {
            api.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB").set("slots", 3).build());
        }
        for (int i = 0; i < 24; i++) {
            api.post("/api/v1/citizens", World.citizen().set("name", "Borger " + i)
                    .set("occupationsWanted", List.of("432110")).build());
        }
        ApplicationContext other = second();
        RematchSteps stepsA = a.getBean(RematchSteps.class);
        RematchSteps stepsB = other.getBean(RematchSteps.class);

        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Object>> tries = new ArrayList<>();
        for (RematchSteps steps : List.of(stepsA, stepsB)) {
            tries.add(pool.submit(() -> {
                go.await();
                try {
                    return steps.open(RematchRun.StartedBy.API);
                } catch (RematchSteps.RunningAlready refused) {
                    return refused.getMessage();
                }
            }));
        }
        go.countDown();
        List<Object> results = new ArrayList<>();
        for (Future<Object> f : tries) {
            results.add(f.get());
        }
        pool.shutdown();
        List<Long> started = results.stream().filter(r -> r instanceof Long).map(r -> (Long) r).toList();
        assertEquals(1, started.size(), results.toString());
        long id = started.getFirst();
        String refusal = (String) results.stream().filter(r -> r instanceof String).findFirst().orElseThrow();
        assertTrue(refusal.startsWith("Rematch run " + id + " is already running"), refusal);

        // The chunks are cut by whichever instance prepares; both take them.
        a.getBean(RematchRuns.class).resume(id);
        RematchRun run = waitForDone(other.getBean(RematchRuns.class), id);

        assertEquals(24, run.citizensDone(), run.toString());
        List<String> doneBy = column("SELECT done_by FROM rematch_chunk WHERE run_id = " + id);
        Map<String, Long> share = new HashMap<>();
        doneBy.forEach(i -> share.merge(i, 1L, Long::sum));
        System.out.println("Chunks per instance: " + share.values());
        assertEquals(run.chunks(), doneBy.size());
        assertEquals(2, share.size(), "both instances took chunks: " + share);
        assertTrue(run.chunks() >= 12, "chunks of 2 in A, of 1 in B: " + run.chunks());
    }
}
