package dk.jobbro.pages;

import dk.jobbro.matching.MatchingService;
import dk.jobbro.posting.HoursRange;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingRequest;
import dk.jobbro.posting.PostingService;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.proposal.ProposalService;
import dk.jobbro.proposal.ProposalStatus;
import dk.jobbro.proposal.ProposalView;
import dk.jobbro.security.Access;
import dk.jobbro.security.Role;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.Place;
import dk.jobbro.vocabulary.SupportKind;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.validator.Validator;
import jakarta.validation.ConstraintViolation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The employer's pages: its own postings (create, edit, close), the anonymous candidate count, and the proposals
 * received with an answer to each. Nothing here reaches a citizen's record: proposals carry what the employer may see.
 */
@Hidden // pages, not API: kept out of the OpenAPI document
@Controller("/virksomhed")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured(Role.EMPLOYER_ROLE)
public class EmployerPages {

    private final Pages pages;
    private final Csrf csrf;
    private final Access access;
    private final PostingService postings;
    private final MatchingService matching;
    private final ProposalService proposals;
    private final Taxonomy taxonomy;
    private final Validator validator;

    EmployerPages(Pages pages, Csrf csrf, Access access, PostingService postings, MatchingService matching,
                  ProposalService proposals, Taxonomy taxonomy, Validator validator) {
        this.pages = pages;
        this.csrf = csrf;
        this.access = access;
        this.postings = postings;
        this.matching = matching;
        this.proposals = proposals;
        this.taxonomy = taxonomy;
        this.validator = validator;
    }

    public record PostingRow(long id, String title, String kind, String status, int slots, int slotsFilled,
                             String candidates, long openProposals) {
    }

    public record Overview(List<PostingRow> postings) {
    }

    public record KindChoice(String value, String label, String explained, boolean checked) {
    }

    public record SupportChoice(String value, String label, boolean checked) {
    }

    /** The posting form as filled in (or as stored), with the faults found. */
    public record PostingForm(@Nullable Long id, String title, String description, String occupation,
                              String requiredSkills, String hoursMin, String hoursMax, String slots, String postcode,
                              String deadline, List<KindChoice> kinds, List<SupportChoice> support,
                              List<Problem.FieldError> errors, boolean closed) {
    }

    public record PostingPage(PostingForm form, String status, int slots, int slotsFilled, String candidates,
                              List<ProposalView> proposals) {
    }

    @Get
    MutableHttpResponse<?> overview(HttpRequest<?> request) {
        List<ProposalView> all = proposals.list(Optional.empty(), Optional.empty(), Optional.empty()).stream()
                .map(w -> ProposalView.of(w, true)).toList();
        List<PostingRow> rows = postings.list(0, 200).stream().map(p -> new PostingRow(p.id(), p.title(),
                Danish.kind(p.kind()), Danish.status(p.status()), p.slots(), p.slotsFilled(),
                matching.candidateCount(p.id()).text(),
                all.stream().filter(v -> v.postingId() == p.id() && v.status().open()).count())).toList();
        return pages.render(request, "employer", "Jeres opslag", "/virksomhed", new Overview(rows));
    }

    @Get("/opslag/ny")
    MutableHttpResponse<?> newPosting(HttpRequest<?> request) {
        PostingForm empty = new PostingForm(null, "", "", "", "", "10", "37", "1", "", "",
                kinds(PostingKind.INTERNSHIP), support(List.of()), List.of(), false);
        return pages.render(request, "postingnew", "Nyt opslag", "/virksomhed/opslag/ny", empty);
    }

    @Post("/opslag")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        long employer = access.employerScope().orElseThrow();
        try {
            Posting created = postings.create(request(employer, form, null));
            return Pages.redirect("/virksomhed/opslag/" + created.id() + "?besked=oprettet");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            return pages.render(request, "postingnew", "Nyt opslag", "/virksomhed/opslag/ny",
                    filledIn(null, form, PostingFormErrors.inDanish(e.errors()))).status(e.status());
        }
    }

    @Get("/opslag/{id}")
    MutableHttpResponse<?> posting(HttpRequest<?> request, @PathVariable long id) {
        Posting p = postings.get(id);
        return pages.render(request, "posting", p.title(), "/virksomhed", page(p, stored(p), List.of()));
    }

    @Post("/opslag/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        Posting existing = postings.get(id);
        try {
            postings.update(id, request(existing.employerId(), form, existing));
            return Pages.redirect("/virksomhed/opslag/" + id + "?besked=gemt");
        } catch (ApiException e) {
            if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            return pages.render(request, "posting", existing.title(), "/virksomhed",
                    page(existing, filledIn(id, form, PostingFormErrors.inDanish(e.errors())),
                            PostingFormErrors.inDanish(e.errors()))).status(e.status());
        }
    }

    @Post("/opslag/{id}/luk")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> close(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        csrf.verify(request, Form.parse(body));
        postings.close(id);
        return Pages.redirect("/virksomhed/opslag/" + id + "?besked=lukket");
    }

    @Post("/forslag/{id}/svar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> answer(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        ProposalStatus answer = switch (form.text("svar")) {
            case "INTERVIEW" -> ProposalStatus.INTERVIEW;
            case "ACCEPTED" -> ProposalStatus.ACCEPTED;
            case "DECLINED" -> ProposalStatus.DECLINED;
            default -> throw ApiException.invalid("svar", "vælg et svar");
        };
        ProposalService.WithSteps answered = proposals.answer(id, answer, form.get("begrundelse").orElse(null));
        return Pages.redirect("/virksomhed/opslag/" + answered.proposal().postingId() + "?besked=besvaret#forslag");
    }

    private PostingPage page(Posting p, PostingForm form, List<Problem.FieldError> errors) {
        List<ProposalView> received = proposals.list(Optional.of(p.id()), Optional.empty(), Optional.empty())
                .stream().map(w -> ProposalView.of(w, true)).toList();
        return new PostingPage(form, Danish.status(p.status()), p.slots(), p.slotsFilled(),
                matching.candidateCount(p.id()).text(), received);
    }

    private PostingForm stored(Posting p) {
        return new PostingForm(p.id(), p.title(), p.description(), p.occupationCode(),
                String.join(", ", p.requiredSkills().stream().map(taxonomy::skillLabel).toList()),
                String.valueOf(p.hoursMin()), String.valueOf(p.hoursMax()), String.valueOf(p.slots()), p.postcode(),
                p.applicationDeadline() == null ? "" : p.applicationDeadline().toString(), kinds(p.kind()),
                support(p.supportOffered()), List.of(), p.status() == PostingStatus.CLOSED);
    }

    private PostingForm filledIn(@Nullable Long id, Form form, List<Problem.FieldError> errors) {
        PostingKind kind = parseKind(form.text("kind")).orElse(PostingKind.INTERNSHIP);
        List<SupportKind> chosen = form.all("support").stream().map(EmployerPages::parseSupport)
                .flatMap(Optional::stream).toList();
        return new PostingForm(id, form.text("title"), form.text("description"), form.text("occupation"),
                form.text("requiredSkills"), form.text("hoursMin"), form.text("hoursMax"), form.text("slots"),
                form.text("postcode"), form.text("deadline"), kinds(kind), support(chosen), errors, false);
    }

    /** The form as a posting request, validated like the API's body; 400 naming the form's fields. */
    private PostingRequest request(long employer, Form form, @Nullable Posting existing) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<PostingKind> kind = parseKind(form.text("kind"));
        if (kind.isEmpty()) {
            errors.add(new Problem.FieldError("kind", "Vælg hvilken slags opslag det er"));
        }
        String occupationTerm = form.text("occupation");
        String occupation = taxonomy.resolveOccupation(occupationTerm).orElse(occupationTerm);
        List<String> skills = Arrays.stream(form.text("requiredSkills").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        LocalDate deadline = null;
        if (form.get("deadline").isPresent()) {
            try {
                deadline = LocalDate.parse(form.text("deadline"));
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError("deadline", "Skriv datoen som ÅÅÅÅ-MM-DD"));
            }
        }
        Place workplace = form.get("postcode").map(pc -> new Place(null, pc, null, null, null)).orElse(null);
        List<SupportKind> support = form.all("support").stream().map(EmployerPages::parseSupport)
                .flatMap(Optional::stream).toList();
        PostingRequest request = new PostingRequest(employer, kind.orElse(PostingKind.ORDINARY_JOB),
                existing == null ? null : existing.status(), form.text("title"), form.text("description"),
                occupation, skills, existing == null ? null : existing.desiredSkills(), workplace,
                new HoursRange(form.number("hoursMin").orElse(null), form.number("hoursMax").orElse(null)),
                existing == null ? null : existing.startDate(), deadline,
                existing == null ? null : existing.endDate(), form.number("slots").orElse(null),
                existing == null ? null : existing.slotsFilled(), support,
                existing == null ? null : existing.physicalDemands(),
                existing != null && existing.drivingLicenceRequired(),
                existing == null ? null : existing.languageRequirements());
        for (ConstraintViolation<PostingRequest> v : validator.validate(request)) {
            errors.add(PostingFormErrors.of(PostingFormErrors.formField(v.getPropertyPath().toString()), v));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return request;
    }

    private static Optional<PostingKind> parseKind(String value) {
        return Arrays.stream(PostingKind.values()).filter(k -> k.name().equals(value)).findFirst();
    }

    private static Optional<SupportKind> parseSupport(String value) {
        return Arrays.stream(SupportKind.values()).filter(k -> k.name().equals(value)).findFirst();
    }

    private static List<KindChoice> kinds(PostingKind chosen) {
        return Arrays.stream(PostingKind.values()).map(k -> new KindChoice(k.name(), Danish.kind(k),
                Danish.kindExplained(k), k == chosen)).toList();
    }

    private static List<SupportChoice> support(List<SupportKind> chosen) {
        return Arrays.stream(SupportKind.values()).map(k -> new SupportChoice(k.name(), Danish.support(k),
                chosen.contains(k))).toList();
    }
}
