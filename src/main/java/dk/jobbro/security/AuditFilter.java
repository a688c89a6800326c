package dk.jobbro.security;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records every successful request on one citizen's data ({@code /api/v1/citizens/{id}/**}, and the creation of a
 * citizen, whose id is in the Location header). Path-based, so endpoints added under a citizen later are audited
 * without code of their own.
 */
@ServerFilter("/api/v1/citizens/**")
final class AuditFilter {

    private static final Pattern CREATED = Pattern.compile("^/api/v1/citizens/(\\d{1,18})$");

    private final AuditLog audit;

    AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void record(HttpRequest<?> request, HttpResponse<?> response) {
        int status = response.code();
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (status < 200 || status >= 300 || authentication.isEmpty()) {
            return;
        }
        Optional<Caller> caller = Caller.of(authentication.get());
        Matcher m = TenancyFilter.CITIZEN.matcher(request.getPath());
        if (caller.isPresent() && m.matches()) {
            audit.record(caller.get(), action(request), Long.parseLong(m.group(1)), request, status);
        } else if (caller.isPresent() && request.getMethod() == HttpMethod.POST) {
            Matcher created = CREATED.matcher(response.getHeaders().get(HttpHeaders.LOCATION, String.class).orElse(""));
            if (created.matches()) {
                audit.record(caller.get(), AuditAction.CREATE, Long.parseLong(created.group(1)), request, status);
            }
        }
    }

    private static AuditAction action(HttpRequest<?> request) {
        String path = request.getPath();
        return switch (request.getMethod()) {
            case GET, HEAD -> path.endsWith("/export") ? AuditAction.EXPORT : AuditAction.READ;
            case DELETE -> TenancyFilter.CITIZEN.matcher(path).matches() && path.matches(".*/citizens/\\d+$")
                    ? AuditAction.ERASE : AuditAction.CHANGE;
            default -> AuditAction.CHANGE;
        };
    }
}
