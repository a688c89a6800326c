package dk.jobbro.matching;

import io.swagger.v3.oas.annotations.Operation;
import dk.jobbro.flagging.FlagService;
import dk.jobbro.flagging.ParallelEffort;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
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
    private final Timer matchLatency;
    private final Timer candidateLatency;

    MatchController(MatchingService matching, FlagService flags, MeterRegistry metrics) {
        this.matching = matching;
        this.flags = flags;
        this.matchLatency = Timer.builder("jobbro.match.latency").tag("direction", "citizen-to-postings")
                .description("Ranking one citizen's matches").publishPercentileHistogram().register(metrics);
        this.candidateLatency = Timer.builder("jobbro.match.latency").tag("direction", "posting-to-citizens")
                .description("Ranking one posting's candidates").publishPercentileHistogram().register(metrics);
    }

    /** How many citizens fit a posting, over all jobcentres, rounded: all an employer learns about candidates. */
    @Serdeable
    record CandidateCount(long postingId, @Nullable Integer candidates, boolean underThreshold, String text) {
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

    @Operation(summary = "Ranked, explained postings for a citizen")
    @Get("/citizens/{id}/matches")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE, Role.SYSTEM_ROLE})
    MatchesResponse matches(@PathVariable long id,
                            @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        List<MatchingService.PostingMatch> matches = matchLatency.record(() -> matching.matchesFor(id, limit));
        ParallelEffort effort = flags.parallelEffort(id);
        List<MatchView> views = matches.stream().map(m -> new MatchView(m.posting().id(),
                m.posting().title(), m.posting().employerName(), m.posting().kind(), m.explanation().score(),
                m.explanation(), effort.needed())).toList();
        String version = views.isEmpty() ? null : views.get(0).explanation().scoringVersion();
        return new MatchesResponse(id, version, matching.eligibilityVersion(), effort, views);
    }

    @Operation(summary = "Why (not) one posting for a citizen: hard rules and score")
    @Get("/citizens/{id}/matches/{postingId}/explain")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    PairResponse explain(@PathVariable long id, @PathVariable long postingId) {
        MatchingService.PairExplanation pair = matching.explain(id, postingId);
        return new PairResponse(id, postingId, pair.posting().title(), pair.eligible(), pair.exclusions(),
                pair.explanation());
    }

    @Operation(summary = "Ranked, explained candidates for a posting among your citizens")
    @Get("/postings/{id}/candidates")
    @Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    CandidatesResponse candidates(@PathVariable long id,
                                  @QueryValue(defaultValue = "20") @Min(1) @Max(200) int limit) {
        // Only citizens of the consultant's own jobcentres are ranked and shown.
        List<CandidateView> views = candidateLatency.record(() -> matching.candidatesFor(id, limit)).stream()
                .map(c -> new CandidateView(c.citizen().id(), c.citizen().name(), c.citizen().jobcentre(),
                        c.citizen().targetGroup().name(), c.explanation().score(), c.explanation())).toList();
        return new CandidatesResponse(id, views);
    }

    @Operation(summary = "How many citizens fit a posting, rounded; small counts suppressed")
    @Get("/postings/{id}/candidate-count")
    @Secured({Role.EMPLOYER_ROLE, Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
    CandidateCount candidateCount(@PathVariable long id) {
        CandidateCountDisclosure count = matching.candidateCount(id);
        return new CandidateCount(id, count.candidates(), count.underThreshold(), count.text());
    }
}
