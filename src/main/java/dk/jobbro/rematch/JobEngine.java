package dk.jobbro.rematch;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The run on db-scheduler (docs/nightly-rematch.md says why): four tasks in its table {@code scheduled_tasks}, in
 * the same MariaDB, shared by every instance of the service. Each instance polls for due tasks; a task row is
 * picked by one instance at a time (optimistic locking), and a row picked by an instance that stopped sending
 * heartbeats is taken again by another. So any number of replicas share a night's chunks (matching them, then
 * storing their results), and a killed one's
 * chunk is not lost.
 *
 * <ul>
 *   <li>{@code rematch-nightly}: recurring on the cron in config/rematch.yml; fires on one instance only;</li>
 *   <li>{@code rematch-prepare}, instance = run id: housekeeping and chunks, then schedules the chunks;</li>
 *   <li>{@code rematch-chunk}, instance = "run:chunk": one chunk; the last one schedules the finish;</li>
 *   <li>{@code rematch-finish}, instance = run id: the fatigue cap over all chunks, then schedules the stores; once
 *       every chunk is stored, the report and the DONE mark;</li>
 *   <li>{@code rematch-store}, instance = "run:chunk": one chunk's kept matches ranked and compared with the
 *       previous run; the last one schedules the finish again.</li>
 * </ul>
 * Instance ids are derived from the run, and tasks are scheduled only if not there yet: scheduling twice is
 * harmless, and every step is itself idempotent ({@link RematchSteps}).
 */
@Context
class JobEngine {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);

    /** A step that failed as a whole (a lost connection, a deadlock) is tried again soon, then less and less often. */
    private static final FailureHandler<Void> RETRY =
            new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(2));

    private final RematchSteps steps;
    private final OneTimeTask<Void> prepare;
    private final OneTimeTask<Void> chunk;
    private final OneTimeTask<Void> finish;
    private final OneTimeTask<Void> store;
    private final Scheduler scheduler;
    private final SchedulerClient client;

    JobEngine(DataSource dataSource, RematchSteps steps, RematchSettings settings) {
        this.steps = steps;
        this.finish = Tasks.oneTime("rematch-finish").onFailure(RETRY).execute((instance, context) ->
                finish(context.getSchedulerClient(), Long.parseLong(instance.getId())));
        this.store = Tasks.oneTime("rematch-store").onFailure(RETRY).execute((instance, context) -> {
            String[] id = instance.getId().split(":");
            long runId = Long.parseLong(id[0]);
            steps.storeChunk(runId, Integer.parseInt(id[1]));
            if (steps.allChunksStored(runId)) {
                context.getSchedulerClient().scheduleIfNotExists(finish.instance(Long.toString(runId)), Instant.now());
            }
        });
        this.chunk = Tasks.oneTime("rematch-chunk").onFailure(RETRY).execute((instance, context) -> {
            String[] id = instance.getId().split(":");
            long runId = Long.parseLong(id[0]);
            steps.matchChunk(runId, Integer.parseInt(id[1]));
            if (steps.allChunksDone(runId)) {
                context.getSchedulerClient().scheduleIfNotExists(finish.instance(Long.toString(runId)), Instant.now());
            }
        });
        this.prepare = Tasks.oneTime("rematch-prepare").onFailure(RETRY).execute((instance, context) ->
                scheduleChunks(context.getSchedulerClient(), Long.parseLong(instance.getId())));
        RecurringTask<Void> nightly = Tasks.recurring("rematch-nightly",
                Schedules.cron(settings.cron(), settings.zoneId())).execute((instance, context) -> {
            try {
                long runId = steps.open(RematchRun.StartedBy.SCHEDULE);
                context.getSchedulerClient().scheduleIfNotExists(prepare.instance(Long.toString(runId)), Instant.now());
            } catch (RematchSteps.RunningAlready running) {
                LOG.warn("Scheduled rematch run not started: {}", running.getMessage());
            }
        });
        DataSource plain = DelegatingDataSource.unwrapDataSource(dataSource);
        if (settings.jobEngineEnabled()) {
            this.scheduler = Scheduler.create(plain, prepare, chunk, finish, store)
                    .startTasks(nightly)
                    .threads(settings.threads())
                    .pollingInterval(settings.pollingInterval())
                    .heartbeatInterval(settings.heartbeatInterval())
                    .schedulerName(new SchedulerName.Fixed(instanceName()))
                    .alwaysPersistTimestampInUTC()
                    .shutdownMaxWait(Duration.ofSeconds(5))
                    .enableImmediateExecution()
                    .build();
            scheduler.start();
            this.client = scheduler; // scheduling through it wakes its own pollers at once
        } else {
            this.scheduler = null;
            this.client = SchedulerClient.Builder.create(plain, prepare, chunk, finish, store).build();
        }
    }

    /** This instance's name in the task table (picked_by) and in chunk records: host, process and a random part. */
    static String instanceName() {
        String name = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() > 50 ? name.substring(name.length() - 50) : name;
    }

    /** Schedules the run's first step; the chain goes on from there on whichever instances poll. */
    void schedule(long runId) {
        client.scheduleIfNotExists(prepare.instance(Long.toString(runId)), Instant.now());
    }

    private void scheduleChunks(SchedulerClient on, long runId) {
        List<Integer> pending = steps.prepare(runId);
        for (int no : pending) {
            on.scheduleIfNotExists(chunk.instance(runId + ":" + no), Instant.now());
        }
        if (pending.isEmpty()) {
            on.scheduleIfNotExists(finish.instance(Long.toString(runId)), Instant.now());
        }
    }

    /** The fatigue cap once, then a store task per chunk; when all are stored, the report. */
    private void finish(SchedulerClient on, long runId) {
        Optional<List<Integer>> unstored = steps.allocate(runId);
        if (unstored.isEmpty()) {
            return;
        }
        if (unstored.get().isEmpty()) {
            steps.complete(runId);
            return;
        }
        for (int no : unstored.get()) {
            on.scheduleIfNotExists(store.instance(runId + ":" + no), Instant.now());
        }
    }

    /** Takes up a run whose tasks are gone (e.g. deleted by hand): schedules whatever step it is at. Idempotent. */
    void resume(long runId, RematchRun.State state) {
        switch (state) {
            case PREPARING -> schedule(runId);
            case MATCHING -> scheduleChunks(client, runId);
            case FINISHING, DONE -> client.scheduleIfNotExists(finish.instance(Long.toString(runId)), Instant.now());
        }
    }

    boolean running() {
        return scheduler != null;
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }
}
