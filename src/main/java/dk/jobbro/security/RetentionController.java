package dk.jobbro.security;

import io.swagger.v3.oas.annotations.Operation;
import io.micronaut.security.annotation.Secured;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Runs the retention purge now (it also runs every night); under /api/v1/admin, so for administrators. */
@Controller("/api/v1/admin/retention")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Role.ADMIN_ROLE)
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @Operation(summary = "Purge audit entries past their retention now")
    @Post("/purge")
    Retention.Purged purge() {
        return retention.purgeNow();
    }
}
