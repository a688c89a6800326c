package dk.jobbro.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers for answers that may carry personal data: never cached (a shared computer at a jobcentre, a proxy), never
 * sniffed into another content type, never framed, no referrer leaving with an id in it. The API serves no script,
 * so its policy allows nothing; pages load their own scripts, styles, fonts and images only (no inline script or
 * style), and their forms post only to Jobbro.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeaders {

    /** Swagger UI's page starts itself with an inline script; it shows the API's description, never its data. */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @ResponseFilter
    void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.getHeaders().set("Cache-Control", "no-store");
        response.getHeaders().set("X-Content-Type-Options", "nosniff");
        response.getHeaders().set("X-Frame-Options", "DENY");
        // Pages: same-origin, because with no-referrer browsers send "Origin: null" on form posts, which the CORS
        // check refuses; the referrer still never leaves Jobbro.
        String path = request.getPath();
        boolean page = PageSessions.isPage(path);
        response.getHeaders().set("Referrer-Policy", page ? "same-origin" : "no-referrer");
        response.getHeaders().set("Content-Security-Policy", path.startsWith("/swagger-ui/") ? SWAGGER_UI_POLICY
                : page ? PAGE_POLICY : API_POLICY);
    }
}
