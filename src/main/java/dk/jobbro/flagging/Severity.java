package dk.jobbro.flagging;

/** How much a circumstance weighs, least first: the order is what flag rules compare against. */
public enum Severity {
    NONE,
    MILD,
    MODERATE,
    SEVERE;

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
