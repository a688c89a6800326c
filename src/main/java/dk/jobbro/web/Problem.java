package dk.jobbro.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The one error format of the API: RFC 9457 problem details, served as {@code application/problem+json}.
 * {@code errors} names each offending field and why, at most {@link FieldErrors#LISTED} of them; {@code errorCount}
 * says how many there were in all. Values the client sent are never echoed back, because they may be sensitive
 * personal data.
 */
@Serdeable
public record Problem(String type, String title, int status, @Nullable String detail, List<FieldError> errors,
                      int errorCount) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One offending field and the reason, in English. The field is a path in the request as the client wrote it:
     * {@code name}, {@code home.postcode}, {@code skills[2].code}, {@code supportNeeds[0]}; a query parameter by its
     * name; {@code body} for the request body as a whole. {@code suggestions}, only for an unknown skill or
     * occupation: the nearest known ones (left out when there are none).
     */
    @Serdeable
    public record FieldError(String field, String reason,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Suggestion> suggestions) {

        public FieldError(String field, String reason) {
            this(field, reason, null);
        }
    }

    /**
     * What an unknown term may have meant (an unknown skill or occupation: the nearest ones, Danish label): a code
     * to send instead and its label to show.
     */
    @Serdeable
    public record Suggestion(String code, String label) {
    }
}
