package dk.jobbro.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An occupation. The code is either a DISCO-08 code from the built-in seed ({@code 432110}) or an ESCO
 * occupation code from an import ({@code 4321.1}); in both the first four digits are the ISCO-08 unit group and
 * the first three the minor group. {@code synonymsDa} are the seed's Danish alternative titles separated by
 * {@code |}; {@code altLabelsDa}/{@code altLabelsEn} are ESCO's alternative labels. {@code escoUri},
 * {@code broaderCode} are empty when unknown.
 *
 * <p>An English-only ESCO import has no Danish label: the English one then stands in, so that displays and the
 * index never show an empty title.
 */
public record Occupation(String code, String labelDa, String labelEn, String synonymsDa, String escoUri,
                         String iscoGroup, String broaderCode, List<String> altLabelsDa, List<String> altLabelsEn) {

    public Occupation {
        labelDa = labelDa.isBlank() ? labelEn : labelDa;
        labelEn = labelEn.isBlank() ? labelDa : labelEn;
        iscoGroup = iscoGroup.isBlank() ? unitGroupOf(code) : iscoGroup;
        altLabelsDa = List.copyOf(altLabelsDa);
        altLabelsEn = List.copyOf(altLabelsEn);
    }

    /** A seed occupation: DISCO-08 code, labels and {@code |}-separated Danish synonyms. */
    public Occupation(String code, String labelDa, String labelEn, String synonymsDa) {
        this(code, labelDa, labelEn, synonymsDa, "", "", "", List.of(), List.of());
    }

    public String unitGroup() {
        return unitGroupOf(code);
    }

    public String minorGroup() {
        return code.length() >= 3 ? code.substring(0, 3) : code;
    }

    /** Danish alternative titles: the seed's synonyms, then ESCO's Danish alternative labels. */
    public List<String> synonyms() {
        if (synonymsDa.isBlank() && altLabelsDa.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(splitSynonyms(synonymsDa));
        all.addAll(altLabelsDa);
        return List.copyOf(all);
    }

    static List<String> splitSynonyms(String synonyms) {
        return synonyms.isBlank() ? List.of()
                : Arrays.stream(synonyms.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String unitGroupOf(String code) {
        return code.length() >= 4 ? code.substring(0, 4) : code;
    }
}
