package dk.jobbro.jobposting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schema.org {@code JobPosting} nodes of a JSON-LD document, or of the {@code <script type="application/ld+json">}
 * blocks of an HTML page, the way job boards publish them. A document may be one object, an array, or an
 * {@code @graph}; a node that only names another by {@code @id} is replaced by that node, so a posting's
 * {@code hiringOrganization: {"@id": "#org"}} reads the organisation given elsewhere in the graph.
 *
 * <p>Lenient where real pages are sloppy (HTML comments or CDATA around the JSON, trailing commas, raw line breaks
 * inside strings, a script block that is not JSON at all: reported, not fatal), strict in size: at most
 * {@link #MAX_POSTINGS} postings and {@link #MAX_DEPTH} levels of nesting.
 */
final class JsonLdDocument {

    static final int MAX_POSTINGS = 200;
    static final int MAX_DEPTH = 64;

    private static final JsonFactory LENIENT = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** A JobPosting node and where it was found ({@code script[1] @graph[2]}). */
    record Found(String source, Map<String, Object> node) {
    }

    /** Something in the document that is not imported, and why. */
    record Skipped(String source, String reason) {
    }

    private final List<Found> postings = new ArrayList<>();
    private final List<Skipped> skipped = new ArrayList<>();
    private final Map<String, Map<String, Object>> byId = new HashMap<>();

    List<Found> postings() {
        return postings;
    }

    List<Skipped> skipped() {
        return skipped;
    }

    /** A JSON-LD body; {@link IllegalArgumentException} when it is not JSON. */
    static JsonLdDocument ofJson(byte[] body) {
        JsonLdDocument doc = new JsonLdDocument();
        Object root = parse(new String(body, StandardCharsets.UTF_8))
                .orElseThrow(() -> new IllegalArgumentException("is not valid JSON"));
        doc.collectIds(root, 0);
        doc.walk(root, "");
        return doc;
    }

    /** An HTML page: every {@code application/ld+json} script block, each read as a JSON-LD document. */
    static JsonLdDocument ofHtml(byte[] body) {
        JsonLdDocument doc = new JsonLdDocument();
        Document page = Jsoup.parse(new String(body, StandardCharsets.UTF_8));
        List<Object> roots = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        int n = 0;
        for (Element script : page.select("script")) {
            String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
            if (!type.startsWith("application/ld+json")) {
                continue;
            }
            n++;
            String source = "script[" + n + "]";
            Optional<Object> root = parse(script.data());
            if (root.isEmpty()) {
                doc.skipped.add(new Skipped(source, "is not valid JSON; skipped"));
                continue;
            }
            roots.add(root.get());
            sources.add(source);
        }
        if (n == 0) {
            doc.skipped.add(new Skipped("body", "the page has no <script type=\"application/ld+json\"> block"));
        }
        roots.forEach(r -> doc.collectIds(r, 0));
        for (int i = 0; i < roots.size(); i++) {
            doc.walk(roots.get(i), sources.get(i) + " ");
        }
        return doc;
    }

    private static Optional<Object> parse(String text) {
        String json = text.strip();
        // Pages wrap scripts in HTML comments or CDATA for very old browsers.
        json = json.replaceFirst("^(//\\s*)?<!\\[CDATA\\[", "").replaceFirst("(//\\s*)?]]>$", "")
                .replaceFirst("^<!--", "").replaceFirst("-->$", "").strip();
        try (JsonParser p = LENIENT.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return Optional.empty();
            }
            Object value = value(p);
            return p.nextToken() == null ? Optional.of(value) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Object value(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.putIfAbsent(name, value(p));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                yield list;
            }
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected token");
        };
    }

    @SuppressWarnings("unchecked")
    private void collectIds(Object node, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (node instanceof Map<?, ?> map) {
            if (map.get("@id") instanceof String id && map.size() > 1) {
                byId.putIfAbsent(id, (Map<String, Object>) map);
            }
            map.values().forEach(v -> collectIds(v, depth + 1));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectIds(v, depth + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private void walk(Object node, String source) {
        if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), source + "[" + i + "]");
            }
        } else if (node instanceof Map<?, ?> raw) {
            Map<String, Object> map = (Map<String, Object>) raw;
            String here = source.isBlank() ? "document" : source.strip();
            if (map.get("@graph") instanceof List<?> graph) {
                for (int i = 0; i < graph.size(); i++) {
                    walk(graph.get(i), source + "@graph[" + i + "]");
                }
            } else if (isJobPosting(map)) {
                if (postings.size() == MAX_POSTINGS) {
                    skipped.add(new Skipped(here, "more than " + MAX_POSTINGS + " postings in one import; split it"));
                } else {
                    postings.add(new Found(here, map));
                }
            } else {
                skipped.add(new Skipped(here, "is a " + typeOf(map) + ", not a JobPosting"));
            }
        } else {
            skipped.add(new Skipped(source.isBlank() ? "document" : source.strip(), "is not a JSON-LD node"));
        }
    }

    /** The node an {@code {"@id": ...}} reference names, or the node itself. */
    @SuppressWarnings("unchecked")
    Object resolve(Object value) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("@id") instanceof String id) {
            Map<String, Object> target = byId.get(id);
            return target == null ? value : target;
        }
        return value;
    }

    static boolean isJobPosting(Map<String, Object> node) {
        return types(node).stream().anyMatch(t -> t.equals("JobPosting"));
    }

    static String typeOf(Map<String, Object> node) {
        List<String> types = types(node);
        return types.isEmpty() ? "node without @type" : String.join("/", types);
    }

    /** {@code @type} as short names: {@code schema:JobPosting} and {@code https://schema.org/JobPosting} are one. */
    static List<String> types(Map<String, Object> node) {
        Object type = node.get("@type");
        List<Object> all = type instanceof List<?> list ? new ArrayList<>(list) : type == null ? List.of() : List.of(type);
        List<String> out = new ArrayList<>();
        for (Object t : all) {
            if (t instanceof String s) {
                int cut = Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf(':'), s.lastIndexOf('#')));
                String name = s.substring(cut + 1);
                out.add(name.length() <= 60 && name.matches("[A-Za-z]+") ? name : "?");
            }
        }
        return out;
    }
}
