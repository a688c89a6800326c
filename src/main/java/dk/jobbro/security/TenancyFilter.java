package dk.jobbro.security;

import dk.jobbro.web.ApiException;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the record named in the path against the caller's scope before any controller runs, so that every
 * endpoint under {@code /citizens/{id}}, {@code /postings/{id}} and {@code /employers/{id}}, including ones added
 * later, is scoped without code of its own. Runs after the security filter has authenticated the caller.
 */
@ServerFilter("/api/**")
final class TenancyFilter implements Ordered {

    static final Pattern CITIZEN = Pattern.compile("^/api/v1/citizens/(\\d{1,18})(?:/.*)?$");
    static final Pattern POSTING = Pattern.compile("^/api/v1/postings/(\\d{1,18})(?:/.*)?$");
    static final Pattern EMPLOYER = Pattern.compile("^/api/v1/employers/(\\d{1,18})(?:/.*)?$");

    private final Tenancy tenancy;
    private final AuditLog audit;

    TenancyFilter(Tenancy tenancy, AuditLog audit) {
        this.tenancy = tenancy;
        this.audit = audit;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void check(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return; // only anonymous-allowed paths get here; the URL rules have decided.
        }
        Caller caller = Tenancy.caller(authentication.get());
        String path = request.getPath();
        Matcher m = CITIZEN.matcher(path);
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            if (tenancy.citizenHiddenFrom(caller, id)) {
                audit.denied(caller, id, request);
                throw ApiException.notFound("Citizen", id);
            }
            return;
        }
        m = POSTING.matcher(path);
        if (m.matches()) {
            tenancy.checkPosting(caller, Long.parseLong(m.group(1)));
            return;
        }
        m = EMPLOYER.matcher(path);
        if (m.matches()) {
            tenancy.checkEmployer(caller, Long.parseLong(m.group(1)));
        }
    }
}
