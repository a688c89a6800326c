package dk.jobbro.vocabulary;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A language (ISO 639-1 code, e.g. {@code da}) at a level: what a posting requires or a citizen speaks. */
@Serdeable
public record LanguageSkill(@NotNull @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter ISO 639-1 code") String language,
                            @NotNull LanguageLevel level) {
}
