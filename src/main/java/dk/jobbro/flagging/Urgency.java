package dk.jobbro.flagging;

/** How soon the parallel effort is needed, most urgent first: the work list sorts by this order. */
public enum Urgency {
    ACUTE,
    HIGH,
    NORMAL;

    public boolean moreUrgentThan(Urgency other) {
        return compareTo(other) < 0;
    }
}
