package dk.jobbro.flagging;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a flag rule set from the plain maps and lists a YAML or JSON file gives, and checks it completely. Every
 * mistake stops start-up with a message naming the file, the rule and what is wrong, because a silently ignored
 * rule would treat citizens differently than the documented rule set says.
 */
public final class FlagRulesetParser {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,59}");
    private static final Set<String> RULE_KEYS = Set.of("code", "text", "urgency", "interventions", "when");
    private static final Set<String> CONDITION_KEYS = Set.of("area", "atleast", "untreatedonly", "count");

    private final String source;

    public FlagRulesetParser(String source) {
        this.source = source;
    }

    public FlagRuleset parse(Object version, Object rules) {
        if (!(version instanceof String v) || v.isBlank()) {
            throw fail("has no version; set jobbro.flagging.version and bump it whenever a rule changes");
        }
        if (!(rules instanceof List<?> list) || list.isEmpty()) {
            throw fail("has no rules; jobbro.flagging.rules must be a non-empty list");
        }
        List<FlagRule> parsed = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            FlagRule rule = rule(i, list.get(i));
            if (!codes.add(rule.code())) {
                throw fail("rule '" + rule.code() + "' (rules[" + i + "]) repeats a code used by an earlier rule");
            }
            parsed.add(rule);
        }
        return new FlagRuleset(v.strip(), parsed);
    }

    private FlagRule rule(int index, Object raw) {
        String where = "rules[" + index + "]";
        Map<String, Object> m = map(raw, where);
        Object codeValue = m.get("code");
        if (!(codeValue instanceof String code) || !CODE.matcher(code).matches()) {
            throw fail(where + " needs a code in capitals, digits and underscores, e.g. ACUTE_HOMELESSNESS");
        }
        where = "rule '" + code + "' (" + where + ")";
        unknownKeys(m, RULE_KEYS, where);
        if (!(m.get("text") instanceof String text) || text.isBlank()) {
            throw fail(where + " needs a text: the reason in plain Danish");
        }
        Urgency urgency = constant(Urgency.class, m.get("urgency"), where + " urgency");
        if (!(m.get("interventions") instanceof List<?> rawInterventions) || rawInterventions.isEmpty()) {
            throw fail(where + " needs at least one intervention; allowed: " + allowed(Intervention.class));
        }
        List<Intervention> interventions = new ArrayList<>();
        for (Object i : rawInterventions) {
            interventions.add(constant(Intervention.class, i, where + " interventions"));
        }
        if (!(m.get("when") instanceof List<?> rawConditions) || rawConditions.isEmpty()) {
            throw fail(where + " needs at least one condition under 'when'");
        }
        List<FlagCondition> conditions = new ArrayList<>();
        for (int c = 0; c < rawConditions.size(); c++) {
            conditions.add(condition(rawConditions.get(c), where + " when[" + c + "]"));
        }
        return new FlagRule(code, text.strip(), urgency, interventions.stream().distinct().toList(), conditions);
    }

    private FlagCondition condition(Object raw, String where) {
        Map<String, Object> m = map(raw, where);
        unknownKeys(m, CONDITION_KEYS, where);
        Severity atLeast = constant(Severity.class, m.get("atleast"), where + " at-least");
        if (atLeast == Severity.NONE) {
            throw fail(where + " at-least NONE would hold for every recorded circumstance; use MILD or worse");
        }
        Object untreated = m.getOrDefault("untreatedonly", false);
        if (!(untreated instanceof Boolean untreatedOnly)) {
            throw fail(where + " untreated-only must be true or false");
        }
        boolean hasArea = m.get("area") != null;
        boolean hasCount = m.get("count") != null;
        if (hasArea == hasCount) {
            throw fail(where + " needs exactly one of 'area' (one area) or 'count' (how many areas at once)");
        }
        if (hasArea) {
            return FlagCondition.area(constant(CircumstanceArea.class, m.get("area"), where + " area"), atLeast,
                    untreatedOnly);
        }
        if (!(m.get("count") instanceof Number n) || n.intValue() < 1
                || n.intValue() > CircumstanceArea.values().length || n.doubleValue() != n.intValue()) {
            throw fail(where + " count must be a whole number from 1 to " + CircumstanceArea.values().length);
        }
        return FlagCondition.count(n.intValue(), atLeast, untreatedOnly);
    }

    /** Keys compared without case, dashes or underscores: YAML's at-least and JSON's atLeast mean the same. */
    private Map<String, Object> map(Object raw, String where) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw fail(where + " must be a mapping of keys to values");
        }
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k).toLowerCase(Locale.ROOT).replace("-", "").replace("_", ""), v));
        return out;
    }

    private void unknownKeys(Map<String, Object> m, Set<String> known, String where) {
        for (String key : m.keySet()) {
            if (!known.contains(key)) {
                throw fail(where + " has an unknown key '" + key + "'; known: " + String.join(", ", known));
            }
        }
    }

    private <E extends Enum<E>> E constant(Class<E> type, Object value, String where) {
        if (value instanceof String s) {
            try {
                return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
        }
        throw fail(where + " has unknown value '" + value + "'; allowed: " + allowed(type));
    }

    private static String allowed(Class<? extends Enum<?>> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    private IllegalStateException fail(String message) {
        return new IllegalStateException(source + ": " + message);
    }
}
