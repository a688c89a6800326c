package dk.jobbro.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads one request record from JSON exactly as a single {@code POST} does: held to the record's shape by
 * {@link StrictJsonBodyReader} (unknown properties, wrong JSON types, oversized lists), then bound and validated
 * (jakarta.validation), with fields named the same way ({@code home.postcode}, {@code skills[2].level}). For bodies
 * that carry many records (bulk loading, imports), so that every row passes the same checks as a single request.
 *
 * <p>Thread-safe; the cost is one streaming pass, one bind and one validation per row.
 */
@Singleton
public final class RequestRows {

    private final StrictJsonBodyReader<Object> strict;
    private final JsonMapper mapper;
    private final Validator validator;

    RequestRows(JsonMapper mapper, Validator validator) {
        this.strict = new StrictJsonBodyReader<>(mapper);
        this.mapper = mapper;
        this.validator = validator;
    }

    /** A row read: the record when it passed every check, else what is wrong (never both). */
    public record Row<T>(Optional<T> value, List<Problem.FieldError> errors) {
    }

    /** One JSON object as {@code type}: the record, or every problem with it. */
    public <T> Row<T> read(byte[] json, Class<T> type) {
        FieldErrors shape = strict.check(json, RequestShape.of(type));
        if (!shape.isEmpty()) {
            return new Row<>(Optional.empty(), shape.listed());
        }
        T value;
        try {
            value = mapper.readValue(json, Argument.of(type));
        } catch (IOException | RuntimeException e) {
            // The shape was right; the binder's message may quote the input, so it is not passed on.
            return new Row<>(Optional.empty(), List.of(new Problem.FieldError("body", "cannot be read")));
        }
        List<Problem.FieldError> errors = validate(value);
        return errors.isEmpty() ? new Row<>(Optional.of(value), List.of()) : new Row<>(Optional.empty(), errors);
    }

    /** Bean-validation problems of a record built in code (an import's mapping), sorted by field. */
    public List<Problem.FieldError> validate(Object value) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<Object> v : validator.validate(value)) {
            String message = v.getMessage();
            boolean safe = message != null && message.length() <= 200 && !message.contains("\"")
                    && !message.contains("[");
            errors.add(new Problem.FieldError(ProblemResponses.field(v.getPropertyPath()),
                    safe ? message : "is invalid"));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::reason));
        return errors;
    }
}
