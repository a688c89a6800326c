package dk.jobbro.citizen;

import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.util.Optional;

/** A health limitation (skånehensyn): rules out a physical demand, or asks for a kind of support. */
public enum HealthLimitation {
    NO_HEAVY_LIFTING(PhysicalDemand.HEAVY_LIFTING, null),
    NO_PROLONGED_STANDING(PhysicalDemand.PROLONGED_STANDING, null),
    NO_NIGHT_SHIFTS(PhysicalDemand.NIGHT_SHIFTS, null),
    NO_OUTDOOR_WORK(PhysicalDemand.OUTDOOR_WORK, null),
    NO_REPETITIVE_WORK(PhysicalDemand.REPETITIVE_WORK, null),
    /** Needs breaks: no demand is ruled out, but flexible hours help. */
    NEEDS_BREAKS(null, SupportKind.FLEXIBLE_HOURS);

    private final PhysicalDemand rulesOut;
    private final SupportKind asksFor;

    HealthLimitation(PhysicalDemand rulesOut, SupportKind asksFor) {
        this.rulesOut = rulesOut;
        this.asksFor = asksFor;
    }

    public Optional<PhysicalDemand> rulesOut() {
        return Optional.ofNullable(rulesOut);
    }

    public Optional<SupportKind> asksFor() {
        return Optional.ofNullable(asksFor);
    }
}
