package dk.jobbro.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns every error Micronaut reports (bad JSON, failed validation, unknown route, our own {@link ApiException})
 * into one {@link Problem} document. Fields are named in one format whatever found the fault ({@code home.postcode},
 * {@code skills[2].code}, a query parameter by its name); reasons never repeat the value that was sent. At most
 * {@link FieldErrors#LISTED} errors are listed, so building a document is linear in the number of faults.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemResponses implements ErrorResponseProcessor<Problem> {

    @Override
    public @NonNull MutableHttpResponse<Problem> processResponse(@NonNull ErrorContext context,
                                                                 @NonNull MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        FieldErrors errors = new FieldErrors();
        String detail;
        Throwable root = context.getRootCause().orElse(null);
        Optional<ApiException> api = cause(root, ApiException.class);
        if (status.getCode() >= 500) {
            // Server faults say nothing about their cause: messages may carry personal data.
            detail = "An internal error occurred; it has been logged";
        } else if (api.isPresent()) {
            return respond(response, status, api.get().getMessage(), api.get().errors(), api.get().errorCount());
        } else if (status == HttpStatus.UNAUTHORIZED || status == HttpStatus.FORBIDDEN) {
            // From the security filter (config/security.yml): the same words whatever was asked for.
            detail = status == HttpStatus.UNAUTHORIZED ? "A valid bearer token is required"
                    : "Your role may not use this endpoint";
        } else {
            describe(context, root, errors, status == HttpStatus.BAD_REQUEST);
            detail = switch (status) {
                case NOT_FOUND -> "No such resource";
                case METHOD_NOT_ALLOWED -> "Method not allowed on this resource";
                case UNSUPPORTED_MEDIA_TYPE -> "Send JSON with Content-Type: application/json";
                case REQUEST_ENTITY_TOO_LARGE -> "The request body is too large";
                case BAD_REQUEST -> "The request is malformed";
                default -> status.getReason();
            };
        }
        return respond(response, status, detail, errors.listed(), errors.count());
    }

    private static MutableHttpResponse<Problem> respond(MutableHttpResponse<?> response, HttpStatus status,
                                                        String detail, List<Problem.FieldError> errors, int count) {
        Problem problem = new Problem("about:blank", status.getReason(), status.getCode(), detail, errors, count);
        return response.contentType(MediaType.of(Problem.MEDIA_TYPE)).body(problem);
    }

    private static void describe(ErrorContext context, Throwable root, FieldErrors errors, boolean badRequest) {
        Optional<ConstraintViolationException> violations = cause(root, ConstraintViolationException.class);
        if (violations.isPresent()) {
            violations(violations.get(), errors);
            return;
        }
        Optional<Argument<?>> missing = cause(root, UnsatisfiedRouteException.class)
                .<Argument<?>>map(UnsatisfiedRouteException::getArgument)
                .or(() -> cause(root, UnsatisfiedArgumentException.class).map(UnsatisfiedArgumentException::getArgument));
        if (missing.isPresent()) {
            boolean body = cause(root, UnsatisfiedBodyRouteException.class).isPresent()
                    || missing.get().getAnnotationMetadata().hasAnnotation(io.micronaut.http.annotation.Body.class);
            errors.add(body ? "body" : missing.get().getName(), "is required");
            return;
        }
        Optional<ConversionErrorException> conversion = cause(root, ConversionErrorException.class);
        if (conversion.isPresent()) {
            Argument<?> argument = conversion.get().getArgument();
            errors.add(argument.getName(), expected(argument.getType()));
            return;
        }
        if (badRequest) {
            for (Error error : context.getErrors()) {
                // Anything else names no field we can trust (its messages quote input): say what is wrong in general.
                String message = error.getMessage() == null ? "" : error.getMessage();
                errors.add(message.contains("JSON") || message.contains("ecod") ? "body" : "request",
                        message.contains("JSON") || message.contains("ecod") ? "is not valid JSON" : "is invalid");
            }
        }
    }

    /** Sorted by field, so that the same request always gets the same document; the first hundred listed. */
    private static void violations(ConstraintViolationException e, FieldErrors errors) {
        List<Problem.FieldError> all = new ArrayList<>(e.getConstraintViolations().size());
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            all.add(new Problem.FieldError(field(v.getPropertyPath()), safe(v.getMessage())));
        }
        all.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason));
        all.forEach(f -> errors.add(f.field(), f.reason()));
    }

    /**
     * A jakarta.validation path ({@code create.request.skills[0].code}, {@code update.request.supportNeeds[0]<list
     * element>}, {@code matches.limit}) as the client wrote it: {@code skills[0].code}, {@code supportNeeds[0]},
     * {@code limit}.
     */
    static String field(Path path) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                out.append('[').append(node.getKey()).append(']');
            }
            String name = node.getName();
            if ((kind == ElementKind.PROPERTY || kind == ElementKind.BEAN) && name != null && !name.startsWith("<")) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            }
        }
        if (!out.isEmpty()) {
            return out.toString();
        }
        return parameter == null ? "request" : parameter;
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "unknown value; allowed: " + String.join(", ",
                    Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "must be a number";
        }
        return "cannot be read as the expected type";
    }

    private static <E extends Throwable> Optional<E> cause(Throwable t, Class<E> type) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    /** Bean-validation messages carry no values; anything longer or quoting input is cut to a neutral reason. */
    private static String safe(String message) {
        if (message == null || message.length() > 200 || message.contains("\"") || message.contains("[")) {
            return "is invalid";
        }
        return message;
    }
}
