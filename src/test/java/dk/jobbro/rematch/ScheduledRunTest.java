package dk.jobbro.rematch;

import dk.jobbro.support.Api;
import dk.jobbro.support.World;
import io.micronaut.context.env.PropertySource;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The cron in config/rematch.yml starts the run through db-scheduler's recurring task (here: every 2 seconds). */
@MicronautTest(transactional = false, contextBuilder = ScheduledRunTest.EveryTwoSeconds.class)
class ScheduledRunTest {

    public static class EveryTwoSeconds extends RematchTestContext {
        public EveryTwoSeconds() {
            propertySources(PropertySource.of("rematch-cron", Map.of("jobbro.rematch.cron", "*/2 * * * * *"), 201));
        }
    }

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    RematchRuns runs;

    @Test
    void theCronStartsARunThatMatchesEveryone() throws InterruptedException {
        Api api = new Api(client);
        long employer = api.id(api.post("/api/v1/employers", World.employer("Cron A/S", World.cvr())));
        api.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB").build());
        api.post("/api/v1/citizens", World.citizen().set("occupationsWanted", List.of("432110")).build());

        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            Optional<RematchRun> done = runs.latestDone();
            if (done.isPresent() && done.get().citizensDone() >= 1) {
                assertEquals(RematchRun.StartedBy.SCHEDULE, done.get().startedBy());
                return;
            }
            Thread.sleep(200);
        }
        fail("no scheduled run finished");
    }
}
