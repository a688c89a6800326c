package dk.jobbro.vocabulary;

/** How well someone speaks a language, in rising order: a requirement is met by the same level or above. */
public enum LanguageLevel {
    BASIC,
    INTERMEDIATE,
    FLUENT,
    NATIVE;

    public boolean meets(LanguageLevel required) {
        return compareTo(required) >= 0;
    }
}
