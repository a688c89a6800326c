package dk.jobbro.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The one error format of the API: RFC 9457 problem details, served as {@code application/problem+json}.
 * {@code errors} names each offending field and why; values the client sent are never echoed back,
 * because they may be sensitive personal data.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field: a JSON path such as {@code skills[2].level} and the reason, in English. */
    @Serdeable
    public record FieldError(String field, String reason) {
    }
}
