package dk.jobbro.matching;

import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerChanged;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.posting.PostingChanged;
import dk.jobbro.posting.PostingsChanged;
import dk.jobbro.posting.PostingRepository;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which employers have no headroom left under the ratio rule: their internships and wage-subsidy posts get no
 * new matches. Occupied placements are the filled slots of their open or filled internship and wage-subsidy
 * postings. Recomputed after every committed posting or employer change (one grouped query), so matching reads
 * an immutable snapshot.
 */
@Singleton
public class EmployerCapacity {

    private final PostingRepository postings;
    private final EmployerRepository employers;
    private final RatioRule rule;
    private volatile Map<Long, Usage> full = null;

    EmployerCapacity(PostingRepository postings, EmployerRepository employers, RatioRule rule) {
        this.postings = postings;
        this.employers = employers;
        this.rule = rule;
    }

    /** How many placements an employer has in use and may have. */
    public record Usage(long occupied, int capacity) {
    }

    /** Employers without headroom, with their usage. */
    public Map<Long, Usage> withoutHeadroom() {
        Map<Long, Usage> snapshot = full;
        if (snapshot == null) {
            snapshot = recompute();
        }
        return snapshot;
    }

    public Set<Long> employersWithoutHeadroom() {
        return withoutHeadroom().keySet();
    }

    @TransactionalEventListener
    void onPostingChanged(PostingChanged event) {
        recompute();
    }

    @TransactionalEventListener
    void onPostingsChanged(PostingsChanged event) {
        recompute();
    }

    @TransactionalEventListener
    void onEmployerChanged(EmployerChanged event) {
        recompute();
    }

    synchronized Map<Long, Usage> recompute() {
        Map<Long, Usage> out = new HashMap<>();
        Set<Long> seen = new HashSet<>();
        for (PostingRepository.Occupancy o : postings.placementOccupancy()) {
            seen.add(o.employerId());
            int capacity = rule.capacity(o.ordinaryEmployees());
            if (o.occupied() >= capacity) {
                out.put(o.employerId(), new Usage(o.occupied(), capacity));
            }
        }
        // An employer whose capacity is zero (minimum 0) is full even with nothing occupied.
        if (rule.minimum() == 0) {
            for (Employer e : employers.findAll()) {
                if (!seen.contains(e.id()) && rule.capacity(e.ordinaryEmployees()) == 0) {
                    out.put(e.id(), new Usage(0, 0));
                }
            }
        }
        full = Map.copyOf(out);
        return full;
    }
}
