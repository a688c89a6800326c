package dk.jobbro.pages;

import dk.jobbro.employer.EmployerService;
import dk.jobbro.security.Access;
import dk.jobbro.security.Caller;
import dk.jobbro.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders a page in the layout: the signed-in user, the navigation of their role, a message, the CSRF token. */
@Singleton
final class Pages {

    private final Csrf csrf;
    private final Access access;
    private final EmployerService employers;

    Pages(Csrf csrf, Access access, EmployerService employers) {
        this.csrf = csrf;
        this.access = access;
        this.employers = employers;
    }

    /** Messages a redirect after a POST may ask for (?besked=...): fixed texts, never echoed input. */
    private static final Map<String, String> MESSAGES = Map.ofEntries(
            Map.entry("foreslaaet", "Borgeren er foreslået til opslaget. Virksomheden kan nu se forslaget."),
            Map.entry("trukket", "Forslaget er trukket tilbage."),
            Map.entry("oprettet", "Opslaget er oprettet."),
            Map.entry("gemt", "Ændringerne er gemt."),
            Map.entry("lukket", "Opslaget er lukket."),
            Map.entry("besvaret", "Svaret er sendt til jobcentret."),
            Map.entry("kvitteret", "Flaget er kvitteret."),
            Map.entry("tilsidesat", "Flaget er tilsidesat med din begrundelse."),
            Map.entry("ikkefor", "Stillingen er markeret som ikke for borgeren; matchene er opdateret."),
            Map.entry("koersel", "Genmatchningen er startet."),
            Map.entry("import", "Importen er startet; følg den herunder."));

    MutableHttpResponse<?> render(HttpRequest<?> request, String view, String title, String current, Object page) {
        return render(request, view, title, current, page, true);
    }

    MutableHttpResponse<?> renderAnonymous(HttpRequest<?> request, String view, String title, Object page) {
        return render(request, view, title, "", page, false);
    }

    private MutableHttpResponse<?> render(HttpRequest<?> request, String view, String title, String current,
                                          Object page, boolean signedIn) {
        String token = csrf.existing(request).orElse(null);
        boolean fresh = token == null;
        if (fresh) {
            token = csrf.fresh();
        }
        String user = null;
        List<Layout.Link> nav = new ArrayList<>();
        if (signedIn) {
            Caller caller = access.caller();
            user = label(caller);
            for (Layout.Link link : nav(caller.role())) {
                nav.add(new Layout.Link(link.label(), link.href(), link.href().equals(current)));
            }
        }
        String message = request.getParameters().getFirst("besked").map(MESSAGES::get).orElse(null);
        Layout layout = new Layout(title, user, nav, message, token);
        MutableHttpResponse<?> response = HttpResponse.ok(new ModelAndView<>(view, Map.of("layout", layout,
                "page", page))).contentType(MediaType.TEXT_HTML_TYPE);
        if (fresh) {
            response.cookie(csrf.cookie(token).secure(request.isSecure()));
        }
        return response;
    }

    static MutableHttpResponse<?> redirect(String location) {
        return HttpResponse.seeOther(URI.create(location));
    }

    static MutableHttpResponse<?> redirect(String location, @Nullable String message) {
        return redirect(message == null ? location : location + (location.contains("?") ? "&" : "?")
                + "besked=" + message);
    }

    /** The start page of a role. */
    static String home(Role role) {
        return switch (role) {
            case CONSULTANT -> "/konsulent";
            case EMPLOYER -> "/virksomhed";
            case ADMIN, SYSTEM -> "/admin";
        };
    }

    private static List<Layout.Link> nav(Role role) {
        return switch (role) {
            case CONSULTANT -> List.of(new Layout.Link("Arbejdsliste", "/konsulent", false));
            case EMPLOYER -> List.of(new Layout.Link("Jeres opslag", "/virksomhed", false),
                    new Layout.Link("Nyt opslag", "/virksomhed/opslag/ny", false));
            case ADMIN, SYSTEM -> List.of(new Layout.Link("Administration", "/admin", false));
        };
    }

    private String label(Caller caller) {
        return switch (caller.role()) {
            case CONSULTANT -> "Jobkonsulent, " + String.join(", ", caller.jobcentres().stream().sorted().toList());
            case EMPLOYER -> caller.employerId().map(id -> employers.get(id).name()).orElse("Virksomhed");
            case ADMIN -> "Administrator";
            case SYSTEM -> "Natlig kørsel";
        };
    }
}
