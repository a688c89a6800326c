package dk.jobbro.pages;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.flagging.FlagService;
import dk.jobbro.flagging.ParallelEffort;
import dk.jobbro.matching.Exclusion;
import dk.jobbro.matching.MatchExplanation;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.matching.ScoreComponent;
import dk.jobbro.proposal.ProposalService;
import dk.jobbro.proposal.ProposalStatus;
import dk.jobbro.proposal.ProposalView;
import dk.jobbro.security.Access;
import dk.jobbro.security.Role;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The consultant's pages: the work list, a citizen with flag and ranked, explained matches, the posting search, and
 * proposing.
 */
@Hidden // pages, not API: kept out of the OpenAPI document
@Controller("/konsulent")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
public class ConsultantPages {

    static final int MATCHES = 20;

    private final Pages pages;
    private final Csrf csrf;
    private final Access access;
    private final CitizenService citizens;
    private final FlagService flags;
    private final MatchingService matching;
    private final ProposalService proposals;
    private final Taxonomy taxonomy;
    private final PostingSearchForm search;

    ConsultantPages(Pages pages, Csrf csrf, Access access, CitizenService citizens, FlagService flags,
                    MatchingService matching, ProposalService proposals, Taxonomy taxonomy, PostingSearchForm search) {
        this.pages = pages;
        this.csrf = csrf;
        this.access = access;
        this.citizens = citizens;
        this.flags = flags;
        this.matching = matching;
        this.proposals = proposals;
        this.taxonomy = taxonomy;
        this.search = search;
    }

    public record Worklists(List<FlagService.Worklist> lists) {
    }

    /** One score component as a bar: {@code x} and {@code width} in percent of the largest possible score. */
    public record Bar(String name, String label, double points, double weight, double x, double width) {
    }

    public record MatchRow(long postingId, String title, String employerName, String kind, double score,
                           List<Bar> bars, String summary, List<String> notes, boolean needsParallelEffort,
                           @Nullable String proposed) {
    }

    public record WhyNot(long postingId, String title, boolean eligible, List<Exclusion> exclusions,
                         List<Bar> bars, double score) {
    }

    public record CitizenPage(Citizen citizen, String targetGroup, List<String> skills, List<String> occupations,
                              List<String> supportNeeds, ParallelEffort flag, List<MatchRow> matches,
                              List<ProposalView> proposals, @Nullable WhyNot whyNot,
                              PostingSearchForm.Search search) {
    }

    /** A consultant's own jobcentres; an administrator names one ({@code ?jobcenter=}, Aarhus when left out). */
    @Get
    MutableHttpResponse<?> worklist(HttpRequest<?> request, @QueryValue @Nullable String jobcenter) {
        Set<String> jobcentres = access.caller().role() == Role.CONSULTANT ? access.caller().jobcentres()
                : Set.of(jobcenter == null ? "Aarhus" : jobcenter);
        List<FlagService.Worklist> lists = jobcentres.stream().sorted()
                .map(j -> flags.worklist(j, 500)).toList();
        return pages.render(request, "worklist", "Arbejdsliste", "/konsulent", new Worklists(lists));
    }

    @Get("/borgere/{id}")
    MutableHttpResponse<?> citizen(HttpRequest<?> request, @PathVariable long id,
                                   @QueryValue @Nullable Long hvorfor) {
        Citizen citizen = citizens.read(id);
        ParallelEffort flag = flags.parallelEffort(id);
        List<ProposalView> mine = proposals.list(Optional.empty(), Optional.of(id), Optional.empty()).stream()
                .map(w -> ProposalView.of(w, false)).toList();
        Map<Long, ProposalStatus> proposed = mine.stream().filter(p -> p.status().open())
                .collect(Collectors.toMap(ProposalView::postingId, ProposalView::status, (a, b) -> a));
        List<MatchRow> rows = matching.matchesFor(id, MATCHES).stream().map(m -> new MatchRow(m.posting().id(),
                m.posting().title(), m.posting().employerName(), Danish.kind(m.posting().kind()),
                m.explanation().score(), bars(m.explanation()), m.explanation().summary(), m.explanation().notes(),
                flag.needed(), Optional.ofNullable(proposed.get(m.posting().id())).map(ProposalStatus::danish)
                        .orElse(null))).toList();
        WhyNot whyNot = null;
        if (hvorfor != null) {
            MatchingService.PairExplanation pair = matching.explain(id, hvorfor);
            whyNot = new WhyNot(hvorfor, pair.posting().title(), pair.eligible(), pair.exclusions(),
                    bars(pair.explanation()), pair.explanation().score());
        }
        Set<String> occupations = new LinkedHashSet<>(citizen.occupationsHeld());
        occupations.addAll(citizen.occupationsWanted());
        CitizenPage page = new CitizenPage(citizen, Danish.targetGroup(citizen.targetGroup()),
                citizen.skills().stream().map(s -> taxonomy.skillLabel(s.code())).toList(),
                occupations.stream().map(taxonomy::occupationLabel).toList(),
                citizen.supportNeeds().stream().map(Danish::support).toList(), flag, rows, mine, whyNot,
                search.of(request, citizen));
        return pages.render(request, "citizen", citizen.name(), "/konsulent", page);
    }

    @Post("/borgere/{id}/forslag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> propose(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        long posting = form.id("opslag").orElseThrow(() -> dk.jobbro.web.ApiException.invalid("opslag",
                "vælg et opslag"));
        proposals.propose(id, posting, form.get("alias").orElse(null), form.get("note").orElse(null));
        return Pages.redirect("/konsulent/borgere/" + id + "?besked=foreslaaet#forslag");
    }

    @Post("/forslag/{id}/tilbage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> withdraw(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        ProposalService.WithSteps withdrawn = proposals.withdraw(id, form.get("reason").orElse(null));
        return Pages.redirect("/konsulent/borgere/" + withdrawn.proposal().citizenId() + "?besked=trukket#forslag");
    }

    @Post("/borgere/{id}/flag/kvitter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> acknowledge(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        csrf.verify(request, Form.parse(body));
        flags.acknowledge(id, access.subject());
        return Pages.redirect("/konsulent/borgere/" + id + "?besked=kvitteret");
    }

    @Post("/borgere/{id}/flag/tilsidesaet")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> override(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        String reason = form.get("begrundelse").orElseThrow(() -> dk.jobbro.web.ApiException.invalid("begrundelse",
                "skriv hvorfor flaget tilsidesættes"));
        flags.override(id, reason.length() > 1000 ? reason.substring(0, 1000) : reason, access.subject());
        return Pages.redirect("/konsulent/borgere/" + id + "?besked=tilsidesat");
    }

    /** "Not for this citizen": an occupation (DISCO code or title) with the reason; matching respects it at once. */
    @Post("/borgere/{id}/ikke-for")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> notFor(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        String term = form.text("stilling");
        String occupation = taxonomy.resolveOccupation(term).orElse(term);
        String reason = form.get("begrundelse").orElseThrow(() -> dk.jobbro.web.ApiException.invalid("begrundelse",
                "skriv hvorfor"));
        citizens.addNotFor(id, new dk.jobbro.citizen.NotForCitizenRequest(null, occupation,
                reason.length() > 500 ? reason.substring(0, 500) : reason));
        return Pages.redirect("/konsulent/borgere/" + id + "?besked=ikkefor");
    }

    /** The components laid end to end, each as wide as its points, on a scale of the largest possible score. */
    static List<Bar> bars(MatchExplanation explanation) {
        double max = explanation.components().stream().mapToDouble(ScoreComponent::weight).sum();
        List<Bar> out = new ArrayList<>();
        double x = 0;
        for (ScoreComponent c : explanation.components()) {
            double width = max == 0 ? 0 : 100 * c.points() / max;
            out.add(new Bar(c.name(), c.text(), c.points(), c.weight(), round(x), round(width)));
            x += width;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

}
