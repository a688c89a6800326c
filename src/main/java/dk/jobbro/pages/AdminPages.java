package dk.jobbro.pages;

import dk.jobbro.security.AuditEntry;
import dk.jobbro.security.DataSubjectRights;
import dk.jobbro.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Positive;

import java.util.List;

/** The administrator's pages: the imports and a citizen's audit trail. */
@Hidden // pages, not API: kept out of the OpenAPI document
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured(Role.ADMIN_ROLE)
public class AdminPages {

    private final Pages pages;
    private final DataSubjectRights rights;

    AdminPages(Pages pages, DataSubjectRights rights) {
        this.pages = pages;
        this.rights = rights;
    }

    /** {@code citizenId} null: no citizen asked for yet. */
    public record Admin(@Nullable Long citizenId, List<AuditEntry> trail) {
    }

    @Get
    MutableHttpResponse<?> admin(HttpRequest<?> request, @QueryValue @Nullable @Positive Long borger) {
        List<AuditEntry> trail = borger == null ? List.of() : rights.trail(borger);
        return pages.render(request, "admin", "Administration", "/admin", new Admin(borger, trail));
    }
}
