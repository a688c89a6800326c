package dk.jobbro.matching;

import dk.jobbro.flagging.FlagService;
import dk.jobbro.flagging.ParallelEffort;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.security.AuditLog;
import dk.jobbro.security.Tenancy;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;

/** Matches for a citizen, candidates for a posting, and why (not) for one pair. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
class MatchController {

    private final MatchingService matching;
    private final FlagService flags;
    private final Tenancy tenancy;
    private final AuditLog audit;

    MatchController(MatchingService matching, FlagService flags, Tenancy tenancy, AuditLog audit) {
        this.matching = matching;
        this.flags = flags;
        this.tenancy = tenancy;
        this.audit = audit;
    }

    /** How many citizens fit a posting, over all jobcentres: all an employer learns about candidates. */
    @Serdeable
    record CandidateCount(long postingId, int candidates) {
    }

    @Serdeable
    record MatchView(long postingId, String title, String employerName, PostingKind kind, double score,
                     MatchExplanation explanation, boolean needsParallelEffort) {
    }

    /** The flag rides along for the consultant; it is read after ranking and never changes which postings match. */
    @Serdeable
    record MatchesResponse(long citizenId, String scoringVersion, String eligibilityVersion,
                           ParallelEffort parallelEffort, List<MatchView> matches) {
    }

    @Serdeable
    record CandidateView(long citizenId, String name, String jobcentre, String targetGroup, double score,
                         MatchExplanation explanation) {
    }

    @Serdeable
    record CandidatesResponse(long postingId, List<CandidateView> candidates) {
    }

    @Serdeable
    record PairResponse(long citizenId, long postingId, String title, boolean eligible, List<Exclusion> exclusions,
                        MatchExplanation explanation) {
    }

    @Get("/citizens/{id}/matches")
    MatchesResponse matches(@PathVariable long id,
                            @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        List<MatchingService.PostingMatch> matches = matching.matchesFor(id, limit);
        ParallelEffort effort = flags.parallelEffort(id);
        List<MatchView> views = matches.stream().map(m -> new MatchView(m.posting().id(),
                m.posting().title(), m.posting().employerName(), m.posting().kind(), m.explanation().score(),
                m.explanation(), effort.needed())).toList();
        String version = views.isEmpty() ? null : views.get(0).explanation().scoringVersion();
        return new MatchesResponse(id, version, matching.eligibilityVersion(), effort, views);
    }

    @Get("/citizens/{id}/matches/{postingId}/explain")
    PairResponse explain(@PathVariable long id, @PathVariable long postingId) {
        MatchingService.PairExplanation pair = matching.explain(id, postingId);
        return new PairResponse(id, postingId, pair.posting().title(), pair.eligible(), pair.exclusions(),
                pair.explanation());
    }

    @Get("/postings/{id}/candidates")
    CandidatesResponse candidates(@PathVariable long id,
                                  @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        // Only citizens of the consultant's own jobcentres are ranked and shown.
        List<CandidateView> views = matching.candidatesFor(id, limit, tenancy.citizenVisible()).stream()
                .map(c -> new CandidateView(c.citizen().id(), c.citizen().name(), c.citizen().jobcentre(),
                        c.citizen().targetGroup().name(), c.explanation().score(), c.explanation())).toList();
        audit.readMany(views.stream().map(CandidateView::citizenId).toList());
        return new CandidatesResponse(id, views);
    }

    @Get("/postings/{id}/candidate-count")
    CandidateCount candidateCount(@PathVariable long id) {
        return new CandidateCount(id, matching.candidateCount(id));
    }
}
