package dk.jobbro.taxonomy;

import java.util.ArrayList;
import java.util.List;

/**
 * A skill. The seed's skills have short codes ({@code forklift-operation}); imported ESCO skills use their ESCO
 * URI as code, so that a code is never ambiguous across taxonomies. {@code skillType} and {@code reuseLevel}
 * are ESCO's ({@code skill/competence}, {@code knowledge}; {@code transversal}, {@code sector-specific}, ...),
 * empty for seed skills. As with occupations, an English-only label stands in for a missing Danish one.
 */
public record Skill(String code, String labelDa, String labelEn, String synonymsDa, String escoUri,
                    String skillType, String reuseLevel, List<String> altLabelsDa, List<String> altLabelsEn) {

    public Skill {
        labelDa = labelDa.isBlank() ? labelEn : labelDa;
        labelEn = labelEn.isBlank() ? labelDa : labelEn;
        altLabelsDa = List.copyOf(altLabelsDa);
        altLabelsEn = List.copyOf(altLabelsEn);
    }

    /** A seed skill: code, labels and {@code |}-separated Danish synonyms. */
    public Skill(String code, String labelDa, String labelEn, String synonymsDa) {
        this(code, labelDa, labelEn, synonymsDa, "", "", "", List.of(), List.of());
    }

    /** Danish alternative names: the seed's synonyms, then ESCO's Danish alternative labels. */
    public List<String> synonyms() {
        if (synonymsDa.isBlank() && altLabelsDa.isEmpty()) {
            return List.of();
        }
        List<String> all = new ArrayList<>(Occupation.splitSynonyms(synonymsDa));
        all.addAll(altLabelsDa);
        return List.copyOf(all);
    }
}
