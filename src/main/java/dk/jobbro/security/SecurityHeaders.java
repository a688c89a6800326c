package dk.jobbro.security;

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

    @ResponseFilter
    void add(MutableHttpResponse<?> response) {
        response.getHeaders().set("Cache-Control", "no-store");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        response.getHeaders().set("Referrer-Policy", "no-referrer");
        response.getHeaders().set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
}
