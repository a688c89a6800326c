package dk.jobbro.taxonomy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.Arrays;
import java.util.List;

/** A skill with a stable code (e.g. {@code forklift-operation}) and Danish and English labels. */
@MappedEntity("skill")
public record Skill(@Id String code, String labelDa, String labelEn, String synonymsDa) {

    public List<String> synonyms() {
        return synonymsDa.isBlank() ? List.of() : Arrays.stream(synonymsDa.split("\\|")).map(String::strip).toList();
    }
}
