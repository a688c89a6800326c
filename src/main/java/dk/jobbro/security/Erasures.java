package dk.jobbro.security;

import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;

/**
 * Which citizens were erased recently, from the audit trail (ids only, the one record an erasure leaves): every
 * replica's citizen index follows it, since an erased citizen leaves no row of their own to follow.
 */
@Singleton
public class Erasures {

    private final AuditRepository audit;

    Erasures(AuditRepository audit) {
        this.audit = audit;
    }

    /** Ids audited as erased after the instant (an audited erasure that then failed is among them: check the row). */
    public List<Long> erasedSince(Instant since) {
        return audit.findErasedSince(since);
    }
}
