package dk.jobbro.pages;

import dk.jobbro.security.Access;
import dk.jobbro.security.PageSessions;
import dk.jobbro.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.utils.SecurityService;

import java.util.List;
import java.util.Optional;

/**
 * Signing in and out of the pages. With the development key the sign-in page lists demo users of each role; the
 * session cookie then carries the same role and scope a bearer token would ({@link PageSessions}).
 */
@Hidden // pages, not API: kept out of the OpenAPI document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    private final Pages pages;
    private final Csrf csrf;
    private final PageSessions sessions;
    private final SecurityService security;
    private final Access access;
    private final boolean identityProvider;

    SignInPages(Pages pages, Csrf csrf, PageSessions sessions, SecurityService security, Access access,
                @Property(name = "micronaut.security.oauth2.enabled", defaultValue = "false") boolean identityProvider) {
        this.identityProvider = identityProvider;
        this.pages = pages;
        this.csrf = csrf;
        this.sessions = sessions;
        this.security = security;
        this.access = access;
    }

    /** A demo user the sign-in page offers. */
    public record DemoChoice(String key, String label, String hint) {
    }

    /** {@code identityProvider}: the municipality's OpenID Connect sign-in is configured. */
    public record SignIn(boolean demo, boolean identityProvider, List<DemoChoice> users) {
    }

    static final List<DemoChoice> USERS = List.of(
            new DemoChoice("konsulent-aarhus", "Jobkonsulent, Jobcenter Aarhus", "Ser Aarhus' borgere"),
            new DemoChoice("konsulent-odense", "Jobkonsulent, Jobcenter Odense", "Ser Odenses borgere"),
            new DemoChoice("virksomhed", "Virksomhed", "Ser kun egne opslag; vælg virksomhedens nummer herunder"),
            new DemoChoice("admin", "Administrator", "Import og revisionslog"));

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> start() {
        if (security.isAuthenticated()) {
            return Pages.redirect(Pages.home(access.caller().role()));
        }
        return Pages.redirect("/logind");
    }

    @Get("/logind")
    @Secured(SecurityRule.IS_ANONYMOUS)
    MutableHttpResponse<?> signInPage(HttpRequest<?> request) {
        return pages.renderAnonymous(request, "signin", "Log ind", new SignIn(sessions.demoSignInEnabled(), identityProvider, USERS));
    }

    @Post("/logind")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signIn(HttpRequest<?> request, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        Optional<PageSessions.DemoUser> user = switch (form.text("bruger")) {
            case "konsulent-aarhus" -> Optional.of(new PageSessions.DemoUser(Role.CONSULTANT, "demo-konsulent-aarhus",
                    List.of("Aarhus"), Optional.empty()));
            case "konsulent-odense" -> Optional.of(new PageSessions.DemoUser(Role.CONSULTANT, "demo-konsulent-odense",
                    List.of("Odense"), Optional.empty()));
            case "virksomhed" -> form.id("virksomhed").map(id -> new PageSessions.DemoUser(Role.EMPLOYER,
                    "demo-virksomhed-" + id, List.of(), Optional.of(id)));
            case "admin" -> Optional.of(new PageSessions.DemoUser(Role.ADMIN, "demo-admin", List.of(),
                    Optional.empty()));
            default -> Optional.empty();
        };
        if (user.isEmpty() || !sessions.demoSignInEnabled()) {
            return Pages.redirect("/logind?fejl=1");
        }
        // Secure behind HTTPS (production); plain http only on a developer's machine.
        return Pages.redirect(Pages.home(user.get().role()))
                .cookie(sessions.signIn(user.get()).secure(request.isSecure()))
                .cookie(csrf.cookie(csrf.fresh()).secure(request.isSecure()));
    }

    @Post("/logud")
    @Secured({Role.ADMIN_ROLE, Role.CONSULTANT_ROLE, Role.EMPLOYER_ROLE, Role.SYSTEM_ROLE})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body String body) {
        csrf.verify(request, Form.parse(body));
        return Pages.redirect("/logind").cookie(sessions.signOut());
    }
}
