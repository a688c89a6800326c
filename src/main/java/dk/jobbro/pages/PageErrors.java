package dk.jobbro.pages;

import dk.jobbro.security.PageSessions;
import dk.jobbro.web.Problem;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Optional;

/**
 * Errors on pages are pages: a request for a page without a session is sent to the sign-in page, and a problem
 * document (the API's one error format, from the same services) is shown as a short Danish page with its status.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class PageErrors implements Ordered {

    /** Outermost, before the path check (dk.jobbro.security.CanonicalPaths): it sees every error, theirs too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!PageSessions.isPage(request.getPath()) || response.getStatus().getCode() < 400
                || request.getPath().startsWith("/static/")) {
            return;
        }
        if (response.getStatus() == HttpStatus.UNAUTHORIZED && request.getMethod() == HttpMethod.GET) {
            response.status(HttpStatus.SEE_OTHER).getHeaders().set(HttpHeaders.LOCATION, "/logind");
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            ((MutableHttpResponse<Object>) response).body("");
            return;
        }
        if (response.getContentType().filter(MediaType.TEXT_HTML_TYPE::matches).isPresent()) {
            return; // a page that answers an error itself (a form shown again with its errors, 422)
        }
        Optional<Problem> problem = response.getBody().filter(Problem.class::isInstance).map(Problem.class::cast);
        String detail = problem.map(Problem::detail).orElse(response.getStatus().getReason());
        String fields = problem.map(p -> String.join("", p.errors().stream()
                .map(e -> "<li>" + escape(e.field()) + ": " + escape(e.reason()) + "</li>").toList())).orElse("");
        String html = "<!DOCTYPE html><html lang=\"da\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + heading(response.getStatus()) + " – Jobbro</title>"
                + "<link rel=\"stylesheet\" href=\"/static/dkfds/css/dkfds.min.css\"></head><body>"
                + "<main id=\"main\" class=\"container\"><h1>" + heading(response.getStatus()) + "</h1>"
                + "<p>" + escape(detail) + "</p>" + (fields.isEmpty() ? "" : "<ul>" + fields + "</ul>")
                + "<p><a href=\"/\">Til forsiden</a></p></main></body></html>";
        response.contentType(MediaType.TEXT_HTML_TYPE);
        if (request.getMethod() != HttpMethod.HEAD) {
            ((MutableHttpResponse<Object>) response).body(html);
        }
    }

    private static String heading(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Siden findes ikke";
            case FORBIDDEN -> "Det har du ikke adgang til";
            case UNAUTHORIZED -> "Log ind først";
            case BAD_REQUEST, UNPROCESSABLE_ENTITY -> "Noget i formularen skal rettes";
            case CONFLICT -> "Det kan ikke lade sig gøre nu";
            case METHOD_NOT_ALLOWED -> "Det kan man ikke her";
            default -> "Der skete en fejl";
        };
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }
}
