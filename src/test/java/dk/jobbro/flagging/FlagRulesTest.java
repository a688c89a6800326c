package dk.jobbro.flagging;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluator and the rule-set reader in plain Java: no context, no database. */
class FlagRulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    static Circumstance c(CircumstanceArea area, Severity severity, boolean handled) {
        return new Circumstance(area, severity, handled, null, DAY, "k1");
    }

    @SuppressWarnings("unchecked")
    static FlagRuleset shipped() throws IOException {
        try (Reader in = Files.newBufferedReader(Path.of("config/flag-rules.yml"))) {
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> flagging = (Map<String, Object>) ((Map<String, Object>) yaml.get("jobbro")).get("flagging");
            return new FlagRulesetParser("config/flag-rules.yml").parse(flagging.get("version"), flagging.get("rules"));
        }
    }

    @Test
    void theShippedRuleSetIsValidAndVersioned() throws IOException {
        FlagRuleset rules = shipped();
        assertFalse(rules.version().isBlank());
        assertTrue(rules.rules().size() >= 4);
        List<String> codes = rules.rules().stream().map(FlagRule::code).toList();
        assertTrue(codes.containsAll(List.of("ACUTE_HOMELESSNESS", "UNTREATED_SEVERE_SUBSTANCE_USE",
                "UNTREATED_SEVERE_MENTAL_ILLNESS", "SEVERAL_SERIOUS_CIRCUMSTANCES")), codes.toString());
    }

    @Test
    void noCircumstancesGiveNoFlag() throws IOException {
        ParallelInterventionFlag flag = FlagEvaluator.evaluate(shipped(), List.of());
        assertFalse(flag.flagged());
        assertNull(flag.urgency());
        assertEquals(List.of(), flag.reasons());
    }

    @Test
    void anUntreatedOnlyConditionIgnoresHandledCircumstances() {
        FlagCondition untreated = FlagCondition.area(CircumstanceArea.SUBSTANCE_USE, Severity.SEVERE, true);
        assertTrue(untreated.holdsFor(List.of(c(CircumstanceArea.SUBSTANCE_USE, Severity.SEVERE, false))));
        assertFalse(untreated.holdsFor(List.of(c(CircumstanceArea.SUBSTANCE_USE, Severity.SEVERE, true))));
        assertFalse(untreated.holdsFor(List.of(c(CircumstanceArea.SUBSTANCE_USE, Severity.MODERATE, false))));
    }

    @Test
    void aCountConditionCountsAreasAtTheSeverityOrWorse() {
        FlagCondition three = FlagCondition.count(3, Severity.MODERATE, false);
        List<Circumstance> two = List.of(c(CircumstanceArea.HOUSING, Severity.SEVERE, true),
                c(CircumstanceArea.LANGUAGE, Severity.MODERATE, false), c(CircumstanceArea.DEBT_AND_ECONOMY, Severity.MILD, false));
        assertFalse(three.holdsFor(two));
        List<Circumstance> withThird = new ArrayList<>(two);
        withThird.add(c(CircumstanceArea.SOCIAL_NETWORK, Severity.MODERATE, true));
        assertTrue(three.holdsFor(withThird));
    }

    @Test
    void theMostUrgentReasonSetsTheUrgencyAndInterventionsAreUnitedInOneOrder() throws IOException {
        ParallelInterventionFlag flag = FlagEvaluator.evaluate(shipped(), List.of(
                c(CircumstanceArea.SUBSTANCE_USE, Severity.SEVERE, false),
                c(CircumstanceArea.HOUSING, Severity.SEVERE, false),
                c(CircumstanceArea.MENTAL_HEALTH, Severity.MODERATE, false)));
        assertEquals(Urgency.ACUTE, flag.urgency());
        assertEquals(List.of("ACUTE_HOMELESSNESS", "UNTREATED_SEVERE_SUBSTANCE_USE",
                "SUBSTANCE_USE_WITH_MENTAL_ILLNESS", "SEVERAL_SERIOUS_CIRCUMSTANCES"), flag.reasonCodes());
        assertEquals(List.of(Intervention.HOUSING_SUPPORT, Intervention.ADDICTION_TREATMENT,
                Intervention.MENTAL_HEALTH_TREATMENT, Intervention.SUPPORT_PERSON, Intervention.MENTOR,
                Intervention.COORDINATED_RESOURCE_PROGRAMME), flag.interventions(), "each once, in enum order");
    }

    @Test
    void aCircumstanceNeverPrintsItsContent() {
        assertEquals("Circumstance[redacted]", c(CircumstanceArea.HOUSING, Severity.SEVERE, false).toString());
    }

    // --- reading and validating the rule set ---

    static Map<String, Object> rule(String code) {
        Map<String, Object> r = new HashMap<>();
        r.put("code", code);
        r.put("text", "Tekst");
        r.put("urgency", "HIGH");
        r.put("interventions", List.of("MENTOR"));
        r.put("when", List.of(new HashMap<>(Map.of("area", "HOUSING", "at-least", "SEVERE"))));
        return r;
    }

    static String failure(Object version, Object rules) {
        return assertThrows(IllegalStateException.class,
                () -> new FlagRulesetParser("config/flag-rules.yml").parse(version, rules)).getMessage();
    }

    @Test
    void aRuleWithAnUnknownAreaStopsStartUpNamingTheRuleAndTheAllowedAreas() {
        Map<String, Object> broken = rule("BROKEN_RULE");
        broken.put("when", List.of(Map.of("area", "GAMBLING", "at-least", "SEVERE")));
        String message = failure("v1", List.of(rule("FINE_RULE"), broken));
        assertTrue(message.startsWith("config/flag-rules.yml: rule 'BROKEN_RULE' (rules[1]) when[0] area"), message);
        assertTrue(message.contains("GAMBLING") && message.contains("SUBSTANCE_USE"), message);
    }

    @Test
    void everyKindOfMistakeNamesTheRule() {
        Map<String, Object> urgency = rule("R_URGENCY");
        urgency.put("urgency", "SOON");
        assertTrue(failure("v1", List.of(urgency)).contains("rule 'R_URGENCY'"));

        Map<String, Object> noInterventions = rule("R_HELP");
        noInterventions.put("interventions", List.of());
        assertTrue(failure("v1", List.of(noInterventions)).contains("rule 'R_HELP' (rules[0]) needs at least one intervention"));

        Map<String, Object> typo = rule("R_TYPO");
        typo.put("when", List.of(Map.of("area", "HOUSING", "at-least", "SEVERE", "untreated", true)));
        assertTrue(failure("v1", List.of(typo)).contains("rule 'R_TYPO' (rules[0]) when[0] has an unknown key 'untreated'"));

        Map<String, Object> both = rule("R_BOTH");
        both.put("when", List.of(Map.of("area", "HOUSING", "count", 2, "at-least", "SEVERE")));
        assertTrue(failure("v1", List.of(both)).contains("rule 'R_BOTH' (rules[0]) when[0] needs exactly one of"));

        Map<String, Object> none = rule("R_NONE");
        none.put("when", List.of(Map.of("count", 2, "at-least", "NONE")));
        assertTrue(failure("v1", List.of(none)).contains("rule 'R_NONE'"));

        Map<String, Object> noText = rule("R_TEXT");
        noText.remove("text");
        assertTrue(failure("v1", List.of(noText)).contains("rule 'R_TEXT' (rules[0]) needs a text"));

        assertTrue(failure("v1", List.of(rule("SAME"), rule("SAME"))).contains("rule 'SAME' (rules[1]) repeats a code"));
        assertTrue(failure("", List.of(rule("R"))).contains("has no version"));
        assertTrue(failure("v1", List.of()).contains("has no rules"));
    }

    @Test
    void yamlAndJsonSpellingsOfAKeyMeanTheSame() {
        Map<String, Object> camel = rule("CAMEL");
        camel.put("when", List.of(Map.of("area", "HOUSING", "atLeast", "SEVERE", "untreatedOnly", true)));
        FlagRuleset parsed = new FlagRulesetParser("test").parse("v1", List.of(camel));
        assertEquals(FlagCondition.area(CircumstanceArea.HOUSING, Severity.SEVERE, true), parsed.rules().get(0).when().get(0));
    }
}
