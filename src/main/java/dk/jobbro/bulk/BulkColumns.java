package dk.jobbro.bulk;

import io.micronaut.json.tree.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The documented CSV header of a bulk file: each column, the property of the JSON request it fills (a path such
 * as {@code workplace.postcode}) and how its text is written. A CSV row becomes the JSON object a single
 * {@code POST} would send, so that it meets the very same checks; problems are named by column again.
 *
 * <p>Lists are separated by {@code |}; languages are {@code da:FLUENT|en:BASIC}; skills with a level
 * {@code forklift-operation:GOOD}; decimals may use a comma; booleans are {@code true/false}, {@code ja/nej} or
 * {@code 1/0}; an empty cell leaves the property out.
 */
final class BulkColumns {

    enum Kind { TEXT, NUMBER, BOOLEAN, LIST, LANGUAGES, LEVELLED_SKILLS }

    record Column(String name, String path, Kind kind) {
    }

    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,6}[.,]\\d{1,12}");

    /** The header of {@code POST /api/v1/postings/bulk} with {@code text/csv}. */
    static final BulkColumns POSTINGS = new BulkColumns(List.of(
            new Column("employerId", "employerId", Kind.NUMBER),
            new Column("kind", "kind", Kind.TEXT),
            new Column("status", "status", Kind.TEXT),
            new Column("title", "title", Kind.TEXT),
            new Column("description", "description", Kind.TEXT),
            new Column("occupationCode", "occupationCode", Kind.TEXT),
            new Column("requiredSkills", "requiredSkills", Kind.LIST),
            new Column("desiredSkills", "desiredSkills", Kind.LIST),
            new Column("street", "workplace.street", Kind.TEXT),
            new Column("postcode", "workplace.postcode", Kind.TEXT),
            new Column("city", "workplace.city", Kind.TEXT),
            new Column("latitude", "workplace.latitude", Kind.NUMBER),
            new Column("longitude", "workplace.longitude", Kind.NUMBER),
            new Column("hoursMin", "hoursPerWeek.min", Kind.NUMBER),
            new Column("hoursMax", "hoursPerWeek.max", Kind.NUMBER),
            new Column("startDate", "startDate", Kind.TEXT),
            new Column("applicationDeadline", "applicationDeadline", Kind.TEXT),
            new Column("endDate", "endDate", Kind.TEXT),
            new Column("slots", "slots", Kind.NUMBER),
            new Column("slotsFilled", "slotsFilled", Kind.NUMBER),
            new Column("supportOffered", "supportOffered", Kind.LIST),
            new Column("physicalDemands", "physicalDemands", Kind.LIST),
            new Column("drivingLicenceRequired", "drivingLicenceRequired", Kind.BOOLEAN),
            new Column("languageRequirements", "languageRequirements", Kind.LANGUAGES)));

    /** The header of {@code POST /api/v1/citizens/bulk} with {@code text/csv}. */
    static final BulkColumns CITIZENS = new BulkColumns(List.of(
            new Column("name", "name", Kind.TEXT),
            new Column("jobcentre", "jobcentre", Kind.TEXT),
            new Column("targetGroup", "targetGroup", Kind.TEXT),
            new Column("street", "home.street", Kind.TEXT),
            new Column("postcode", "home.postcode", Kind.TEXT),
            new Column("city", "home.city", Kind.TEXT),
            new Column("latitude", "home.latitude", Kind.NUMBER),
            new Column("longitude", "home.longitude", Kind.NUMBER),
            new Column("maxCommuteKm", "maxCommuteKm", Kind.NUMBER),
            new Column("maxHoursPerWeek", "maxHoursPerWeek", Kind.NUMBER),
            new Column("availableFrom", "availableFrom", Kind.TEXT),
            new Column("skills", "skills", Kind.LEVELLED_SKILLS),
            new Column("occupationsHeld", "occupationsHeld", Kind.LIST),
            new Column("occupationsWanted", "occupationsWanted", Kind.LIST),
            new Column("healthLimitations", "healthLimitations", Kind.LIST),
            new Column("supportNeeds", "supportNeeds", Kind.LIST),
            new Column("drivingLicence", "drivingLicence", Kind.BOOLEAN),
            new Column("languages", "languages", Kind.LANGUAGES)));

    private final Map<String, Column> byName = new LinkedHashMap<>();

    private BulkColumns(List<Column> columns) {
        columns.forEach(c -> byName.put(c.name(), c));
    }

    Column column(String name) {
        return byName.get(name);
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    /** A field path of the JSON request ({@code workplace.postcode}, {@code hoursPerWeek.min}) as its column. */
    String columnOf(String field) {
        for (Column c : byName.values()) {
            if (field.equals(c.path())) {
                return c.name();
            }
            if (field.startsWith(c.path() + "[") || field.startsWith(c.path() + ".")) {
                return c.name() + field.substring(c.path().length());
            }
        }
        return field;
    }

    /** The JSON request a row stands for: cells by column, empty cells left out. */
    JsonNode toJson(List<Column> header, List<String> record) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (int i = 0; i < header.size() && i < record.size(); i++) {
            String text = record.get(i).strip();
            if (text.isEmpty()) {
                continue;
            }
            Column c = header.get(i);
            put(root, c.path().split("\\."), 0, value(c.kind(), text));
        }
        return tree(root);
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String[] path, int at, JsonNode value) {
        if (at == path.length - 1) {
            into.put(path[at], value);
        } else {
            put((Map<String, Object>) into.computeIfAbsent(path[at], k -> new LinkedHashMap<String, Object>()),
                    path, at + 1, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonNode tree(Map<String, Object> map) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> m ? tree((Map<String, Object>) m) : (JsonNode) v));
        return JsonNode.createObjectNode(out);
    }

    /** A cell as the JSON value it means; text that is not what the column takes stays text and is refused later. */
    private static JsonNode value(Kind kind, String text) {
        return switch (kind) {
            case TEXT -> JsonNode.createStringNode(text);
            case NUMBER -> WHOLE.matcher(text).matches() ? JsonNode.createNumberNode(Long.parseLong(text))
                    : DECIMAL.matcher(text).matches()
                    ? JsonNode.createNumberNode(Double.parseDouble(text.replace(',', '.')))
                    : JsonNode.createStringNode(text);
            case BOOLEAN -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "ja", "1" -> JsonNode.createBooleanNode(true);
                case "false", "nej", "0" -> JsonNode.createBooleanNode(false);
                default -> JsonNode.createStringNode(text);
            };
            case LIST -> JsonNode.createArrayNode(items(text).stream().map(JsonNode::createStringNode).toList());
            case LANGUAGES -> pairs(text, "language", "level");
            case LEVELLED_SKILLS -> pairs(text, "code", "level");
        };
    }

    private static JsonNode pairs(String text, String first, String second) {
        List<JsonNode> out = new ArrayList<>();
        for (String item : items(text)) {
            int colon = item.lastIndexOf(':');
            Map<String, JsonNode> pair = new LinkedHashMap<>();
            pair.put(first, JsonNode.createStringNode(colon < 0 ? item : item.substring(0, colon).strip()));
            if (colon >= 0) {
                pair.put(second, JsonNode.createStringNode(item.substring(colon + 1).strip()));
            }
            out.add(JsonNode.createObjectNode(pair));
        }
        return JsonNode.createArrayNode(out);
    }

    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
