package dk.jobbro.search;

import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;

/** For benchmarks: waits until an instance's followers have followed everything written up to an instant. */
public final class Following {

    private Following() {
    }

    /**
     * Returns once neither follower's next window reaches back to {@code writtenBy} (both have polled since the
     * window passed it), or throws after {@code limit}; returns the seconds waited.
     */
    public static double awaitCaughtUp(ApplicationContext instance, Instant writtenBy, Duration limit)
            throws InterruptedException {
        ReplicaFollower postings = instance.getBean(ReplicaFollower.class);
        CitizenFollower citizens = instance.getBean(CitizenFollower.class);
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        while (!(postings.nextWindowFrom().isAfter(writtenBy) && citizens.nextWindowFrom().isAfter(writtenBy))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the followers did not catch up within " + limit);
            }
            Thread.sleep(200);
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
