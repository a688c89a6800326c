package dk.jobbro.pages;

import dk.jobbro.web.Problem;
import jakarta.validation.ConstraintViolation;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The employer's posting form's faults in Danish: the form field each belongs to (its anchor on the page) and a
 * sentence naming the field by its label. The API's own reasons stay English for developers; a page never shows
 * them.
 */
final class PostingFormErrors {

    /** The form's fields by id, as their labels read on the page. */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("kind", "Slags opslag"), Map.entry("title", "Titel"), Map.entry("description", "Beskrivelse"),
            Map.entry("occupation", "Stilling"), Map.entry("requiredSkills", "Krævede kompetencer"),
            Map.entry("hoursMin", "Timer pr. uge, mindst"), Map.entry("hoursMax", "Timer pr. uge, højst"),
            Map.entry("slots", "Antal pladser"), Map.entry("postcode", "Postnummer"),
            Map.entry("deadline", "Ansøgningsfrist"), Map.entry("support", "Støtte"));

    private PostingFormErrors() {
    }

    /** A bean-validation fault of the request the form became, in Danish. */
    static Problem.FieldError of(String field, ConstraintViolation<?> v) {
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
        if (Stream.of("max", "value").anyMatch(k -> attributes.containsKey(k) && attributes.get(k) == null)) {
            return sentence(field, "er ikke udfyldt rigtigt");
        }
        String reason = switch (constraint.annotationType().getSimpleName()) {
            case "NotBlank", "NotNull", "NotEmpty" -> "skal udfyldes";
            case "Size" -> v.getInvalidValue() instanceof CharSequence
                    ? "må højst være " + attributes.get("max") + " tegn"
                    : "må højst have " + attributes.get("max") + " elementer";
            case "Min" -> "skal være mindst " + attributes.get("value");
            case "Max" -> "må højst være " + attributes.get("value");
            case "Positive" -> "skal være større end 0";
            case "PositiveOrZero" -> "må ikke være negativ";
            default -> "er ikke udfyldt rigtigt";
        };
        return sentence(field, reason);
    }

    /** The service's faults (English, for the API) as the form's fields and Danish sentences. */
    static List<Problem.FieldError> inDanish(List<Problem.FieldError> errors) {
        return errors.stream().map(PostingFormErrors::inDanish).toList();
    }

    private static Problem.FieldError inDanish(Problem.FieldError e) {
        if (LABELS.containsKey(e.field()) && isDanish(e.reason())) {
            return e; // found by the form itself, already in Danish
        }
        String field = formField(e.field());
        return switch (field) {
            case "occupation" -> new Problem.FieldError(field, Danish.unknownName("Stillingen", e.suggestions()));
            case "requiredSkills" -> new Problem.FieldError(field, Danish.unknownName("En af de krævede kompetencer", e.suggestions()));
            case "postcode" -> sentence(field, "findes ikke");
            case "deadline" -> sentence(field, "er overskredet; et nyt opslag skal stadig kunne søges");
            case "hoursMin" -> sentence(field, "må ikke være større end det højeste timetal");
            default -> sentence(field, "er ikke udfyldt rigtigt");
        };
    }

    private static Problem.FieldError sentence(String field, String reason) {
        return new Problem.FieldError(field, LABELS.getOrDefault(field, "Feltet") + " " + reason + ".");
    }

    private static boolean isDanish(String reason) {
        return reason.startsWith("Vælg") || reason.startsWith("Skriv") || LABELS.values().stream()
                .anyMatch(reason::startsWith);
    }

    /** The API's field path as the form's field. */
    static String formField(String path) {
        if (path.startsWith("hoursPerWeek.min")) {
            return "hoursMin";
        }
        if (path.startsWith("hoursPerWeek.max")) {
            return "hoursMax";
        }
        if (path.startsWith("workplace")) {
            return "postcode";
        }
        if (path.startsWith("occupationCode")) {
            return "occupation";
        }
        if (path.startsWith("applicationDeadline")) {
            return "deadline";
        }
        if (path.startsWith("supportOffered")) {
            return "support";
        }
        return path.replaceAll("\\[.*", "");
    }
}
