package dk.jobbro.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers for answers that may carry personal data: never cached (a shared computer at a jobcentre, a proxy), never
 * sniffed into another content type, never framed, no referrer leaving with an id in it. The API serves no script,
 * so its policy allows nothing.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders {

    /** Swagger UI's page starts itself with an inline script; it shows the API's description, never its data. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    @ResponseFilter
    void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("Cache-Control", "no-store");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        response.getHeaders().set("Content-Security-Policy", request.getPath().startsWith("/swagger-ui/")
                ? SWAGGER_UI_POLICY : "default-src 'none'; frame-ancestors 'none'");
    }
}
