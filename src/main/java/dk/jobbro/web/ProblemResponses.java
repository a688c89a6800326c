package dk.jobbro.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpAttributes;
import io.micronaut.http.HttpStatus;
import io.micronaut.web.router.RouteMatch;
import java.util.Optional;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns every error Micronaut reports (bad JSON, failed validation, unknown route, our own
 * {@link ApiException}) into one {@link Problem} document. Framework messages are rewritten so they
 * name the field and the reason but never repeat the value that was sent.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    private static final Pattern ENUM_EXPECTED = Pattern.compile(
            "type `([\\w.$]+)` due to: Expected one of \\[([\\w, ]+)\\]");
    private static final Pattern ENUM_CONSTANT = Pattern.compile("No enum constant ([\\w.$]+)\\.");
    private static final Pattern VIOLATION = Pattern.compile("([\\w.\\[\\]<>]+): (.*)", Pattern.DOTALL);
    private static final Pattern DECODED_PROPERTY = Pattern.compile("property \\[(?:[\\w.<>$, ]+ )?(\\w+)\\]");

    @Override
    public @NonNull MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                                 @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<Problem.FieldError> errors = new ArrayList<>();
        String detail = null;
        Throwable root = context.getRootCause().orElse(null);
        if (status.getCode() >= 500) {
            // Server faults say nothing about their cause: messages may carry personal data.
            detail = "An internal error occurred; it has been logged";
        } else if (root instanceof ApiException api) {
            errors.addAll(api.errors());
            detail = api.getMessage();
        } else if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            // From the security filter (config/security.yml): the same words whatever was asked for.
            detail = status == HttpStatus.UNAUTHORIZED ? "A valid bearer token is required"
                    : "Your role may not use this endpoint";
        } else {
            Class<?> bodyType = bodyType(context);
            for (Error error : context.getErrors()) {
                errors.add(describe(error, root, bodyType));
            }
            detail = switch (status) {
                case NOT_FOUND -> "No such resource";
                case METHOD_NOT_ALLOWED -> "Method not allowed on this resource";
                case UNSUPPORTED_MEDIA_TYPE -> "Send JSON with Content-Type: application/json";
                case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
                case BAD_REQUEST -> "The request is malformed";
                default -> status.getReason();
            };
        }
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, List.copyOf(errors));
        return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }

    private static Problem.FieldError describe(Error error, Throwable root, Class<?> bodyType) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        Matcher expected = ENUM_EXPECTED.matcher(message);
        if (expected.find()) {
            String fields = String.join(", ", RequestFields.named(bodyType, expected.group(1)));
            return new Problem.FieldError(fields.isEmpty() ? "body" : fields,
                    "unknown value; allowed: " + expected.group(2));
        }
        String field = error.getPath().map(ProblemResponses::stripMethodPrefix).orElse(null);
        Matcher violation = VIOLATION.matcher(message);
        if (field == null && violation.matches()) {
            field = stripParameterName(violation.group(1));
            message = violation.group(2);
        }
        Matcher enumMatch = ENUM_CONSTANT.matcher(causeChainMessages(root) + " " + message);
        if (enumMatch.find()) {
            String allowed = allowedValues(enumMatch.group(1));
            Matcher property = DECODED_PROPERTY.matcher(message);
            String name = field != null ? field : property.find() ? property.group(1) : "body";
            return new Problem.FieldError(name, "unknown value; allowed: " + allowed);
        }
        if (field == null) {
            Matcher property = DECODED_PROPERTY.matcher(message);
            if (property.find()) {
                return new Problem.FieldError(property.group(1), "cannot be read as the expected type");
            }
            if (message.contains("Error decoding") || message.contains("JSON") || message.contains("Unexpected")) {
                return new Problem.FieldError("body", "is not valid JSON for this resource");
            }
            return new Problem.FieldError("request", safe(message));
        }
        return new Problem.FieldError(field, safe(message));
    }

    private static Class<?> bodyType(ErrorContext context) {
        Optional<RouteMatch> match = context.getRequest().getAttribute(HttpAttributes.ROUTE_MATCH, RouteMatch.class);
        if (match.isEmpty()) {
            return Object.class;
        }
        Optional<Argument<?>> body = match.get().getRouteInfo().getRequestBodyType();
        return body.<Class<?>>map(Argument::getType).orElse(Object.class);
    }

    /** Validation paths look like {@code create.request.skills[0].code}; the client knows {@code skills[0].code}. */
    private static String stripMethodPrefix(String path) {
        String[] parts = path.split("\\.", 3);
        if (parts.length == 3) {
            return parts[2];
        }
        return parts.length == 2 ? parts[1] : path;
    }

    /** Violations are reported as {@code request.skills[0].code}; the client knows {@code skills[0].code}. */
    private static String stripParameterName(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String causeChainMessages(Throwable root) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = root; t != null && text.length() < 4000; t = t.getCause()) {
            text.append(' ').append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.toString();
    }

    private static String allowedValues(String enumClass) {
        try {
            Object[] constants = Class.forName(enumClass).getEnumConstants();
            return constants == null ? "?" : String.join(", ", Arrays.stream(constants).map(String::valueOf).toList());
        } catch (ClassNotFoundException e) {
            return "?";
        }
    }

    /** Bean-validation messages carry no values; anything longer or quoting input is cut to a neutral reason. */
    private static String safe(String message) {
        if (message == null || message.length() > 200 || message.contains("\"") || message.contains("[")) {
            return "is invalid";
        }
        return message;
    }
}
