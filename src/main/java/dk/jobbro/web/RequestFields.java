package dk.jobbro.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds which fields of a request record hold a given enum type, so that a JSON decoding error that names only
 * the type ("expected one of ...") can name the field too. Looks one level into nested records and lists.
 */
final class RequestFields {

    private RequestFields() {
    }

    static List<String> named(Class<?> requestType, String enumClassName) {
        List<String> out = new ArrayList<>();
        collect(requestType, enumClassName, "", out, 0);
        return out;
    }

    private static void collect(Class<?> type, String enumClassName, String prefix, List<String> out, int depth) {
        if (!type.isRecord() || depth > 2) {
            return;
        }
        for (RecordComponent c : type.getRecordComponents()) {
            Class<?> raw = c.getType();
            Type generic = c.getGenericType();
            String name = prefix + c.getName();
            if (List.class.isAssignableFrom(raw) && generic instanceof ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> element) {
                raw = element;
                name = name + "[]";
            }
            if (raw.getName().equals(enumClassName)) {
                out.add(name);
            } else if (raw.isRecord()) {
                collect(raw, enumClassName, name + ".", out, depth + 1);
            }
        }
    }
}
