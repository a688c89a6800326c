package dk.jobbro.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A submitted HTML form (application/x-www-form-urlencoded), read as the browser sent it. */
final class Form {

    private final Map<String, List<String>> values;

    private Form(Map<String, List<String>> values) {
        this.values = values;
    }

    static Form parse(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new Form(values);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }

    /** The first value, stripped; empty when missing or blank. */
    Optional<String> get(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.get(0).isBlank() ? Optional.empty()
                : Optional.of(list.get(0).strip());
    }

    String text(String name) {
        return get(name).orElse("");
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).map(String::strip).toList();
    }

    /** A whole number, or empty when missing or not one. */
    Optional<Integer> number(String name) {
        return get(name).filter(v -> v.matches("\\d{1,9}")).map(Integer::parseInt);
    }

    Optional<Long> id(String name) {
        return get(name).filter(v -> v.matches("[1-9][0-9]{0,17}")).map(Long::parseLong);
    }
}
