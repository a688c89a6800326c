package dk.jobbro.web;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a JSON request body may hold, derived once per request record from its components: the properties, the JSON
 * type of each, the allowed enum constants, and for lists the element shape and the {@code @Size(max)} bound.
 * {@link StrictJsonBodyReader} holds a body to it before anything is bound or validated.
 */
sealed interface RequestShape {

    /** Lists without a {@code @Size(max)} still end somewhere; the body limit (1 MB) is the other bound. */
    int DEFAULT_MAX_ITEMS = 1_000;

    record Text() implements RequestShape {
    }

    record Flag() implements RequestShape {
    }

    /** A whole number that fits {@code int} ({@code wide == false}) or {@code long}. */
    record Whole(boolean wide) implements RequestShape {
    }

    record Decimal() implements RequestShape {
    }

    record Day() implements RequestShape {
    }

    record Choice(Set<String> values, String allowed) implements RequestShape {
    }

    record Fields(Map<String, RequestShape> properties) implements RequestShape {
    }

    record Items(RequestShape element, int maxItems) implements RequestShape {
    }

    /** Not a request type we know: left to the ordinary reader. */
    record Anything() implements RequestShape {
    }

    ClassValue<RequestShape> RECORDS = new ClassValue<>() {
        @Override
        protected RequestShape computeValue(Class<?> type) {
            return ofRecord(type, 0);
        }
    };

    /** True for our own request records, which are held to a shape; anything else is read as before. */
    static boolean applies(Class<?> type) {
        return type.isRecord() && type.getName().startsWith("dk.jobbro.") && type.isAnnotationPresent(Serdeable.class);
    }

    static RequestShape of(Class<?> record) {
        return RECORDS.get(record);
    }

    private static RequestShape ofRecord(Class<?> type, int depth) {
        if (depth > 8) {
            return new Anything();
        }
        Map<String, RequestShape> properties = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            properties.put(c.getName(), ofType(c.getGenericType(), maxItems(c), depth));
        }
        return new Fields(Map.copyOf(properties));
    }

    private static RequestShape ofType(Type generic, int maxItems, int depth) {
        Class<?> raw = generic instanceof ParameterizedType pt ? (Class<?>) pt.getRawType()
                : generic instanceof Class<?> c ? c : Object.class;
        if (raw == String.class) {
            return new Text();
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return new Flag();
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            return new Whole(false);
        }
        if (raw == Long.class || raw == long.class) {
            return new Whole(true);
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                || raw == BigDecimal.class) {
            return new Decimal();
        }
        if (raw == LocalDate.class) {
            return new Day();
        }
        if (raw.isEnum()) {
            Set<String> values = Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.toUnmodifiableSet());
            String allowed = Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(Collectors.joining(", "));
            return new Choice(values, allowed);
        }
        if (Collection.class.isAssignableFrom(raw) && generic instanceof ParameterizedType pt) {
            return new Items(ofType(pt.getActualTypeArguments()[0], DEFAULT_MAX_ITEMS, depth + 1), maxItems);
        }
        if (applies(raw)) {
            return ofRecord(raw, depth + 1);
        }
        return new Anything();
    }

    /** {@code @Size(max)} on the component, as written on the record (it reaches the accessor and the field). */
    private static int maxItems(RecordComponent c) {
        for (AnnotatedElement e : new AnnotatedElement[] {c.getAccessor(), c, c.getAnnotatedType()}) {
            Size size = e.getAnnotation(Size.class);
            if (size != null) {
                return size.max();
            }
        }
        return DEFAULT_MAX_ITEMS;
    }
}
