package dk.jobbro.flagging;

import java.util.Collection;
import java.util.Optional;

/**
 * One condition of a flag rule. Either about one area ("HOUSING is at least SEVERE"), or a count across all
 * areas ("at least 3 circumstances are MODERATE or worse"). With {@code untreatedOnly}, circumstances that are
 * already handled do not count: the flag then asks for help that is not yet in place.
 *
 * @param area  the area, or null for a count condition
 * @param count how many circumstances must qualify; 1 for an area condition
 */
public record FlagCondition(CircumstanceArea area, Severity atLeast, boolean untreatedOnly, int count) {

    public static FlagCondition area(CircumstanceArea area, Severity atLeast, boolean untreatedOnly) {
        return new FlagCondition(area, atLeast, untreatedOnly, 1);
    }

    public static FlagCondition count(int count, Severity atLeast, boolean untreatedOnly) {
        return new FlagCondition(null, atLeast, untreatedOnly, count);
    }

    public Optional<CircumstanceArea> areaOnly() {
        return Optional.ofNullable(area);
    }

    boolean holdsFor(Collection<Circumstance> circumstances) {
        long qualifying = circumstances.stream()
                .filter(c -> area == null || c.area() == area)
                .filter(c -> c.severity().atLeast(atLeast))
                .filter(c -> !untreatedOnly || !c.handled())
                .count();
        return qualifying >= count;
    }
}
