package dk.jobbro.pages;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenRequest;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.citizen.CitizenSkill;
import dk.jobbro.citizen.SkillLevel;
import dk.jobbro.security.Role;
import dk.jobbro.taxonomy.NameMatch;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.Place;
import dk.jobbro.web.ApiException;
import dk.jobbro.web.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The consultant edits a citizen's skills, occupations, hours and commute on a page. Skills and occupations are
 * plain text fields that take any Danish or English name (the service resolves them); with JavaScript each field
 * offers the typeahead's names as it is typed (htmx fills its datalist). An unknown name comes back as a Danish
 * error next to its field with the nearest names.
 */
@Hidden // pages, not API: kept out of the OpenAPI document
@Controller("/konsulent")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured({Role.CONSULTANT_ROLE, Role.ADMIN_ROLE})
public class CitizenProfilePages {

    /** Empty rows offered for new entries below the stored ones; a save shows the next ones. */
    static final int EMPTY_ROWS = 2;
    /** Names a typeahead list shows: enough to choose, few enough to read on a phone. */
    static final int TYPEAHEAD = 8;

    private final Pages pages;
    private final Csrf csrf;
    private final CitizenService citizens;
    private final Taxonomy taxonomy;

    CitizenProfilePages(Pages pages, Csrf csrf, CitizenService citizens, Taxonomy taxonomy) {
        this.pages = pages;
        this.csrf = csrf;
        this.citizens = citizens;
        this.taxonomy = taxonomy;
    }

    /** One line of the form: the name typed, the level chosen (skills only) and, when wrong, why in Danish. */
    public record Row(String field, String value, String level, @Nullable String error) {

        /** The row's number, shared by its name field and its level. */
        public String number() {
            return field.substring(field.lastIndexOf('-') + 1);
        }
    }

    public record Level(String value, String label) {
    }

    public record ProfileForm(long citizenId, String name, List<Row> skills, List<Row> wanted, List<Row> held,
                              String maxHours, String maxCommuteKm, @Nullable String hoursError,
                              @Nullable String commuteError, List<Level> levels, int errorCount) {
    }

    public record Options(List<NameMatch> names) {
    }

    @Get("/borgere/{id}/profil")
    MutableHttpResponse<?> form(HttpRequest<?> request, @PathVariable long id) {
        Citizen c = citizens.read(id);
        List<Row> skills = new ArrayList<>();
        for (CitizenSkill s : c.skills()) {
            skills.add(new Row("kompetence-" + skills.size(), taxonomy.skillLabel(s.code()), s.level().name(), null));
        }
        ProfileForm form = new ProfileForm(id, c.name(), withEmptyRows("kompetence", skills),
                rows("oensket", c.occupationsWanted().stream().map(taxonomy::occupationLabel).toList()),
                rows("erfaring", c.occupationsHeld().stream().map(taxonomy::occupationLabel).toList()),
                String.valueOf(c.maxHoursPerWeek()), String.valueOf(c.maxCommuteKm()), null, null, levels(), 0);
        return pages.render(request, "profile", "Profil: " + c.name(), "/konsulent", form);
    }

    @Post("/borgere/{id}/profil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> save(HttpRequest<?> request, @PathVariable long id, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        Citizen c = citizens.forChange(id);
        Typed skills = typed(form, "kompetence");
        Typed wanted = typed(form, "oensket");
        Typed held = typed(form, "erfaring");
        List<CitizenSkill> skillList = new ArrayList<>();
        for (int i = 0; i < skills.values().size(); i++) {
            skillList.add(new CitizenSkill(skills.values().get(i), level(form.text("niveau-" + skills.rows().get(i)))));
        }
        Optional<Integer> hours = form.number("timer").filter(h -> h >= 1 && h <= 80);
        Optional<Integer> commute = form.number("km").filter(k -> k <= 200);
        Map<String, String> errors = new HashMap<>();
        if (hours.isEmpty()) {
            errors.put("timer", "Skriv et helt antal timer fra 1 til 80.");
        }
        if (commute.isEmpty()) {
            errors.put("km", "Skriv et helt antal kilometer fra 0 til 200.");
        }
        if (errors.isEmpty()) {
            CitizenRequest changed = new CitizenRequest(c.name(), c.jobcentre(), c.targetGroup(),
                    new Place(null, c.homePostcode(), null, c.homeLatitude(), c.homeLongitude()), commute.get(),
                    hours.get(), c.availableFrom(), skillList, held.values(), wanted.values(), c.healthLimitations(),
                    c.supportNeeds(), c.drivingLicence(), c.languages());
            try {
                citizens.update(id, changed);
                return Pages.redirect("/konsulent/borgere/" + id + "?besked=gemt");
            } catch (ApiException e) {
                if (e.status() != HttpStatus.BAD_REQUEST && e.status() != HttpStatus.UNPROCESSABLE_ENTITY) {
                    throw e;
                }
                for (Problem.FieldError error : e.errors()) {
                    errors.putIfAbsent(formField(error.field(), skills, wanted, held), danish(error));
                }
            }
        }
        ProfileForm again = new ProfileForm(id, c.name(), withEmptyRows("kompetence", echo(form, skills, errors)),
                withEmptyRows("oensket", echo(form, wanted, errors)), withEmptyRows("erfaring", echo(form, held, errors)),
                form.text("timer"), form.text("km"), errors.get("timer"), errors.get("km"), levels(), errors.size());
        return pages.render(request, "profile", "Profil: " + c.name(), "/konsulent", again)
                .status(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    /** The typeahead's skill names as {@code <option>}s for the field being typed in. */
    @Get("/navne/kompetencer")
    MutableHttpResponse<?> skillNames(HttpRequest<?> request) {
        return options(taxonomy.typeaheadSkills(typed(request), TYPEAHEAD));
    }

    /** As {@link #skillNames}, for occupations. */
    @Get("/navne/stillinger")
    MutableHttpResponse<?> occupationNames(HttpRequest<?> request) {
        return options(taxonomy.typeaheadOccupations(typed(request), TYPEAHEAD));
    }

    /** htmx sends the field's one value under the field's name, whatever that is. */
    private static String typed(HttpRequest<?> request) {
        String typed = request.getParameters().names().stream().findFirst()
                .flatMap(n -> request.getParameters().getFirst(n)).orElse("");
        return typed.length() > 200 ? typed.substring(0, 200) : typed;
    }

    private static MutableHttpResponse<?> options(List<NameMatch> found) {
        return HttpResponse.ok(new ModelAndView<>("names", Map.of("page", new Options(found))))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** The non-empty values of fields {@code prefix-0, prefix-1, ...} and which row each came from. */
    private record Typed(String prefix, List<String> values, List<Integer> rows) {
    }

    private static Typed typed(Form form, String prefix) {
        List<String> values = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Optional<String> v = form.get(prefix + "-" + i);
            if (v.isPresent()) {
                values.add(v.get().length() > 300 ? v.get().substring(0, 300) : v.get());
                rows.add(i);
            }
        }
        return new Typed(prefix, values, rows);
    }

    /** The service's field path ({@code skills[2].code}, {@code occupationsWanted[0]}) as the form's row. */
    private static String formField(String field, Typed skills, Typed wanted, Typed held) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+)\\[(\\d+)].*").matcher(field);
        if (!m.matches()) {
            return switch (field) {
                case "maxHoursPerWeek" -> "timer";
                case "maxCommuteKm" -> "km";
                default -> "profil";
            };
        }
        int i = Integer.parseInt(m.group(2));
        return switch (m.group(1)) {
            case "skills" -> "kompetence-" + skills.rows().get(i);
            case "occupationsWanted" -> "oensket-" + wanted.rows().get(i);
            case "occupationsHeld" -> "erfaring-" + held.rows().get(i);
            default -> "profil";
        };
    }

    /** A Danish sentence for a field's error; an unknown name lists the nearest ones. */
    static String danish(Problem.FieldError error) {
        boolean skill = error.field().startsWith("skills");
        boolean occupation = error.field().startsWith("occupations");
        if (!skill && !occupation) {
            return "Feltet er ikke udfyldt rigtigt.";
        }
        return Danish.unknownName(skill ? "Kompetencen" : "Stillingen", error.suggestions());
    }

    /** What was typed, with each row's error; the rows are numbered again when shown. */
    private static List<Row> echo(Form form, Typed typed, Map<String, String> errors) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < typed.values().size(); i++) {
            String field = typed.prefix() + "-" + typed.rows().get(i);
            rows.add(new Row(field, typed.values().get(i), form.text("niveau-" + typed.rows().get(i)),
                    errors.get(field)));
        }
        return rows;
    }

    private static List<Row> rows(String prefix, List<String> values) {
        List<Row> rows = new ArrayList<>();
        for (String v : values) {
            rows.add(new Row(prefix + "-" + rows.size(), v, "", null));
        }
        return withEmptyRows(prefix, rows);
    }

    /** The rows renumbered from 0, and {@link #EMPTY_ROWS} empty ones after them. */
    private static List<Row> withEmptyRows(String prefix, List<Row> rows) {
        List<Row> all = new ArrayList<>();
        for (Row r : rows) {
            all.add(new Row(prefix + "-" + all.size(), r.value(), r.level(), r.error()));
        }
        for (int i = 0; i < EMPTY_ROWS; i++) {
            all.add(new Row(prefix + "-" + all.size(), "", SkillLevel.GOOD.name(), null));
        }
        return all;
    }

    private static SkillLevel level(String value) {
        return Arrays.stream(SkillLevel.values()).filter(l -> l.name().equals(value)).findFirst()
                .orElse(SkillLevel.GOOD);
    }

    private static List<Level> levels() {
        return List.of(new Level(SkillLevel.BASIC.name(), "Grundlæggende"), new Level(SkillLevel.GOOD.name(), "God"),
                new Level(SkillLevel.EXPERT.name(), "Ekspert"));
    }
}
