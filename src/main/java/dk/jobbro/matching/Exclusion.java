package dk.jobbro.matching;

/**
 * How a posting breaks a {@link HardRule} for a citizen: what it means and what would change it, in Danish.
 * {@code threshold} carries the number behind "what would change it" where there is one (the commute in km
 * that would match, the weekly hours the citizen would need).
 */
public record Exclusion(HardRule rule, String text, String wouldMatchIf, Double threshold) {

    Exclusion(HardRule rule, String text, String wouldMatchIf) {
        this(rule, text, wouldMatchIf, null);
    }
}
