package dk.jobbro.security;

import dk.jobbro.web.ApiException;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One spelling of every path, before anything else looks at it: a trailing slash, an empty segment or a dot
 * segment is 404 (no route has them), percent-encoding or any character outside {@code [A-Za-z0-9._~-]} in a path
 * segment is 400, and a number in an id position ({@code {id}}, {@code {postingId}}...: every route variable bound
 * to a {@code long} or {@code int}) is 400 unless it is written {@code [1-9][0-9]{0,17}}. So {@code /citizens/%31},
 * {@code /citizens/01}, {@code /citizens/+1} and full-width digits never reach a controller.
 *
 * <p>Defence in depth: who may see a record is decided where it is loaded ({@link Access}), whatever the path.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class CanonicalPaths implements Ordered {

    static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        Optional<ApiException> wrong = problem(path == null ? "" : path);
        if (wrong.isPresent()) {
            throw wrong.get();
        }
        RouteAttributes.getRouteMatch(request).ifPresent(CanonicalPaths::checkIds);
    }

    /** What is wrong with the spelling of a raw path, if anything. */
    static Optional<ApiException> problem(String rawPath) {
        if (rawPath.equals("/")) {
            return Optional.empty();
        }
        if (!rawPath.startsWith("/") || rawPath.endsWith("/")) {
            return Optional.of(notFound());
        }
        List<String> segments = List.of(rawPath.substring(1).split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of(notFound());
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of(ApiException.badRequest("path",
                        "only letters, digits and . _ ~ - are allowed in a path, never encoded"));
            }
        }
        return Optional.empty();
    }

    private static void checkIds(RouteMatch<?> route) {
        for (Map.Entry<String, Object> variable : route.getVariableValues().entrySet()) {
            Optional<Argument<?>> argument = route.getRequiredInput(variable.getKey());
            if (argument.isPresent() && isWholeNumber(argument.get().getType())
                    && !ID.matcher(String.valueOf(variable.getValue())).matches()) {
                throw ApiException.badRequest(variable.getKey(),
                        "an id is written with the digits 0-9, without sign or leading zeros, at most 18 digits");
            }
        }
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == long.class || type == Long.class || type == int.class || type == Integer.class;
    }

    private static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, "No such resource", List.of());
    }
}
