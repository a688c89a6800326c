package dk.jobbro.rematch;

import dk.jobbro.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

/** Translates HTTP to {@link RematchRuns}: operators start and follow runs, consultants read what is new. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class RematchController {

    private final RematchRuns runs;

    RematchController(RematchRuns runs) {
        this.runs = runs;
    }

    /** Starts a run now: 202 with its progress; 409 naming the running one when a run is under way. No body. */
    @Post("/rematch-runs")
    @Secured({Role.ADMIN_ROLE})
    HttpResponse<RematchRun> start() {
        return HttpResponse.accepted().body(runs.start(RematchRun.StartedBy.API));
    }

    /** A run's progress: state, citizens done of all, rate, time left, failures and, when finished, its report. */
    @Get("/rematch-runs/{id}")
    @Secured({Role.ADMIN_ROLE})
    RematchRun progress(@PathVariable long id) {
        return runs.progress(id);
    }

    /** Schedules again whatever step a run is at; a finished run is left as it is. No body. */
    @Post("/rematch-runs/{id}/resume")
    @Secured({Role.ADMIN_ROLE})
    RematchRun resume(@PathVariable long id) {
        return runs.resume(id);
    }

    /** A citizen's new, improved and dropped matches since the last nightly run, or since the run given. */
    @Get("/citizens/{id}/matches/new")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    RematchRuns.NewMatches newMatches(@PathVariable long id, @Nullable @QueryValue Long since) {
        return runs.newMatches(id, since);
    }
}
