package dk.jobbro.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads our request records from JSON strictly, before anything is bound or validated: one JSON object and nothing
 * after it, no property the record does not have, every value of its declared JSON type (no string for a boolean, no
 * 2.5 for an integer, no number for a date), dates as {@code YYYY-MM-DD} within years 1000 to 9999, and no list
 * longer than its {@code @Size(max)}. One streaming pass, linear in the body; every problem is named by its path
 * ({@code home.postcode}, {@code skills[2].level}), at most {@link FieldErrors#LISTED} listed. A body that passes is
 * handed to the ordinary micronaut-serde reader, which then only meets values it reads exactly.
 */
@Singleton
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Order(StrictJsonBodyReader.ORDER)
final class StrictJsonBodyReader<T> implements MessageBodyReader<T>, Ordered {

    /** Before Micronaut's own JSON reader ({@code JsonMessageHandler.ORDER} is -10). */
    static final int ORDER = -100;

    private static final Pattern DATE = Pattern.compile("[1-9]\\d{3}-\\d{2}-\\d{2}");
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]{0,63}");
    private static final String DATE_REASON = "must be a date written YYYY-MM-DD, years 1000 to 9999";

    private final JsonMapper mapper;
    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build();

    StrictJsonBodyReader(JsonMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return RequestShape.applies(type.getType());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, ByteBuffer<?> byteBuffer) {
        return read(type, byteBuffer.toByteArray());
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers headers, InputStream inputStream) {
        try {
            return read(type, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private T read(Argument<T> type, byte[] body) {
        FieldErrors errors = check(body, RequestShape.of(type.getType()));
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "The request is malformed", errors);
        }
        try {
            return mapper.readValue(body, type);
        } catch (IOException e) {
            // The shape was right, so serde should read it; if it cannot, the message may quote the body.
            throw new CodecException("The request body cannot be read as " + type.getType().getSimpleName());
        }
    }

    /** Holds the whole body to the shape; an empty list means it may be bound. */
    FieldErrors check(byte[] body, RequestShape shape) {
        FieldErrors errors = new FieldErrors();
        try (JsonParser p = factory.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                errors.add("body", "must be a JSON object");
                return errors;
            }
            value(p, shape, "", errors);
            if (p.nextToken() != null) {
                errors.add("body", "has content after the JSON document");
            }
        } catch (IOException | RuntimeException e) {
            // Jackson's messages quote the input; say only what is wrong.
            FieldErrors malformed = new FieldErrors();
            malformed.add("body", "is not valid JSON");
            return malformed;
        }
        return errors;
    }

    /** Checks the value at the parser's current token and leaves the parser on its last token. */
    private void value(JsonParser p, RequestShape shape, String path, FieldErrors errors) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL || shape instanceof RequestShape.Anything) {
            p.skipChildren();
            return;
        }
        String field = path.isEmpty() ? "body" : path;
        switch (shape) {
            case RequestShape.Text ignored -> expect(p, t == JsonToken.VALUE_STRING, field, "must be a string", errors);
            case RequestShape.Flag ignored -> expect(p, t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE, field,
                    "must be true or false", errors);
            case RequestShape.Whole whole -> whole(p, whole.wide(), field, errors);
            case RequestShape.Decimal ignored -> {
                boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
                expect(p, number, field, "must be a number", errors);
                if (number && !Double.isFinite(p.getDoubleValue())) {
                    errors.add(field, "is out of range");
                }
            }
            case RequestShape.Day ignored -> expect(p, t == JsonToken.VALUE_STRING && isDate(p.getText()), field,
                    DATE_REASON, errors);
            case RequestShape.Choice choice -> expect(p, t == JsonToken.VALUE_STRING
                    && choice.values().contains(p.getText()), field, "unknown value; allowed: " + choice.allowed(), errors);
            case RequestShape.Fields fields -> object(p, fields, path, errors);
            case RequestShape.Items items -> array(p, items, field, errors);
            case RequestShape.Anything ignored -> p.skipChildren();
        }
    }

    private static void expect(JsonParser p, boolean ok, String field, String reason, FieldErrors errors)
            throws IOException {
        if (!ok) {
            errors.add(field, reason);
            p.skipChildren();
        }
    }

    private static void whole(JsonParser p, boolean wide, String field, FieldErrors errors) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.VALUE_NUMBER_INT) {
            errors.add(field, "must be a whole number");
            p.skipChildren();
            return;
        }
        JsonParser.NumberType type = p.getNumberType();
        boolean fits = type == JsonParser.NumberType.INT || wide && type == JsonParser.NumberType.LONG;
        if (!fits) {
            errors.add(field, "is out of range");
        }
    }

    private static boolean isDate(String text) {
        if (!DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private void object(JsonParser p, RequestShape.Fields fields, String path, FieldErrors errors) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            errors.add(path.isEmpty() ? "body" : path, "must be an object");
            p.skipChildren();
            return;
        }
        String prefix = path.isEmpty() ? "" : path + ".";
        Set<String> seen = new HashSet<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            RequestShape shape = fields.properties().get(name);
            if (shape == null) {
                // The name is the client's, not a value; a long or odd one is not repeated.
                errors.add(prefix + (SAFE_NAME.matcher(name).matches() ? name : "?"), "is not a known property");
                p.skipChildren();
            } else if (!seen.add(name)) {
                errors.add(prefix + name, "is given more than once");
                p.skipChildren();
            } else {
                value(p, shape, prefix + name, errors);
            }
        }
    }

    private void array(JsonParser p, RequestShape.Items items, String field, FieldErrors errors) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            errors.add(field, "must be a list");
            p.skipChildren();
            return;
        }
        int index = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t == null) {
                throw new IOException("end of input inside a list");
            }
            if (index == items.maxItems()) {
                // Checked before validation, so an oversized list costs one pass and one error, not one per item.
                errors.add(field, "must have at most " + items.maxItems() + " items");
            }
            if (index >= items.maxItems()) {
                p.skipChildren();
            } else {
                value(p, items.element(), field + "[" + index + "]", errors);
            }
            index++;
        }
    }
}
