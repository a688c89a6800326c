package dk.jobbro.flagging;

import dk.jobbro.citizen.CitizenService;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Records a citizen's circumstances and re-evaluates the flag in the same transaction, so a stored set never
 * lacks its evaluation. Error messages name fields, never the values: those are special-category data.
 */
@Singleton
public class CircumstanceService {

    private final CircumstanceRepository circumstances;
    private final FlagService flags;
    private final CitizenService citizens;
    private final Clock clock;

    CircumstanceService(CircumstanceRepository circumstances, FlagService flags, CitizenService citizens,
                        Clock clock) {
        this.circumstances = circumstances;
        this.flags = flags;
        this.citizens = citizens;
        this.clock = clock;
    }

    @Transactional
    public CircumstancesView replace(long citizenId, CircumstancesRequest request) {
        citizens.forChange(citizenId);
        LocalDate today = LocalDate.now(clock);
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<CircumstanceArea> seen = EnumSet.noneOf(CircumstanceArea.class);
        List<Circumstance> set = new ArrayList<>();
        List<CircumstanceEntry> entries = request.circumstances();
        for (int i = 0; i < entries.size(); i++) {
            CircumstanceEntry e = entries.get(i);
            String at = "circumstances[" + i + "]";
            if (!seen.add(e.area())) {
                errors.add(new Problem.FieldError(at + ".area", "appears more than once; one entry per area"));
            }
            if (e.handledBy() != null && !e.handled()) {
                errors.add(new Problem.FieldError(at + ".handledBy", "only allowed when handled is true"));
            }
            if (e.recordedOn() != null && e.recordedOn().isAfter(today)) {
                errors.add(new Problem.FieldError(at + ".recordedOn", "must not be in the future"));
            }
            set.add(new Circumstance(e.area(), e.severity(), e.handled(), e.handledBy(),
                    e.recordedOn() == null ? today : e.recordedOn(), e.recordedBy().strip()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        circumstances.deleteByCitizenId(citizenId);
        circumstances.saveAll(set.stream().map(c -> CircumstanceRow.of(citizenId, c)).toList());
        flags.evaluate(citizenId, FlagEvaluationRow.Trigger.CIRCUMSTANCES_CHANGED);
        return view(citizenId);
    }

    public CircumstancesView get(long citizenId) {
        citizens.read(citizenId);
        return view(citizenId);
    }

    /** The circumstances of a citizen the caller has loaded through the access layer already. */
    private CircumstancesView view(long citizenId) {
        List<CircumstanceEntry> entries = FlagEvaluator.canonical(circumstances.findByCitizenId(citizenId).stream()
                .map(CircumstanceRow::circumstance).toList()).stream().map(CircumstanceEntry::of).toList();
        return new CircumstancesView(citizenId, entries, flags.parallelEffort(citizenId));
    }
}
