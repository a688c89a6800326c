package dk.jobbro.support;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.ClientFilter;
import io.micronaut.http.annotation.RequestFilter;

/**
 * Tests written before authentication call the API as an administrator, who may do everything they do. A test that
 * is about identity sets its own Authorization header, or {@link #ANONYMOUS} to send none.
 */
@ClientFilter
public final class DefaultTestIdentity {

    /** Header a test sets to send its request without any token; removed before sending. */
    public static final String ANONYMOUS = "X-Test-Anonymous";

    @RequestFilter
    void authenticate(MutableHttpRequest<?> request) {
        if (request.getHeaders().contains(ANONYMOUS)) {
            request.getHeaders().remove(ANONYMOUS);
            return;
        }
        if (!request.getHeaders().contains(HttpHeaders.AUTHORIZATION)) {
            request.bearerAuth(TestIdentityProvider.admin());
        }
    }
}
