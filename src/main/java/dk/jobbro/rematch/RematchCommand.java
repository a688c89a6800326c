package dk.jobbro.rematch;

import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code java -jar jobbro.jar rematch}: starts a run and waits for it, for operators who schedule with their own
 * tools (deploy/rematch-cronjob.yaml). The process is one more instance of the cluster: its job engine takes chunks
 * like every replica's, and no HTTP port is opened. Exit 0 when the run is done, 2 when another run is under way
 * (the message names it).
 */
public final class RematchCommand {

    private RematchCommand() {
    }

    public static void main(String[] args) {
        int status;
        try (ApplicationContext context = ApplicationContext.run()) {
            status = run(context, System.out, Duration.ofSeconds(5));
        }
        System.exit(status);
    }

    static int run(ApplicationContext context, PrintStream out, Duration every) {
        RematchRuns runs = context.getBean(RematchRuns.class);
        RematchRun run;
        try {
            run = runs.start(RematchRun.StartedBy.COMMAND);
        } catch (dk.jobbro.web.ApiException refused) {
            out.println(refused.getMessage());
            return 2;
        }
        out.println("Rematch run " + run.id() + " started");
        while (run.state() != RematchRun.State.DONE) {
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
            run = runs.progress(run.id());
            out.println("Rematch run " + run.id() + " " + run.state() + ": " + run.citizensDone() + "/"
                    + run.citizensTotal() + " citizens, " + run.citizensPerSecond() + "/s, " + run.failed() + " failed");
        }
        out.println("Rematch run " + run.id() + " done: " + run.report());
        return 0;
    }
}
