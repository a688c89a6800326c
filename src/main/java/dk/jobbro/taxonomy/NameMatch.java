package dk.jobbro.taxonomy;

import io.micronaut.core.annotation.Nullable;

/**
 * A skill or occupation a typed term may mean: its code, Danish and English label, and the other name it was
 * found by ({@code matchedName}: an alternative label, synonym or code; null when a preferred label matched).
 * {@code exact}: the term is one of its names, folded.
 */
public record NameMatch(String code, String labelDa, String labelEn, @Nullable String matchedName, boolean exact) {
}
