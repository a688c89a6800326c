package dk.jobbro.taxonomy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Arrays;
import java.util.List;

/**
 * An occupation with its DISCO-08 code: the first four digits are the ISCO-08 unit group, the first three the
 * minor group. Synonyms are Danish alternative titles separated by {@code |}.
 */
@MappedEntity("occupation")
public record Occupation(@Id String code, String labelDa, String labelEn, String synonymsDa) {

    public String unitGroup() {
        return code.length() >= 4 ? code.substring(0, 4) : code;
    }

    public String minorGroup() {
        return code.length() >= 3 ? code.substring(0, 3) : code;
    }

    public List<String> synonyms() {
        return synonymsDa.isBlank() ? List.of() : Arrays.stream(synonymsDa.split("\\|")).map(String::strip).toList();
    }
}
