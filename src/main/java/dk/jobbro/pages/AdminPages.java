package dk.jobbro.pages;

import dk.jobbro.geo.Postcodes;
import dk.jobbro.rematch.RematchRun;
import dk.jobbro.rematch.RematchRuns;
import dk.jobbro.security.AuditEntry;
import dk.jobbro.security.DataSubjectRights;
import dk.jobbro.security.Role;
import dk.jobbro.taxonomy.EscoImportProgress;
import dk.jobbro.taxonomy.EscoImportResult;
import dk.jobbro.taxonomy.EscoImporter;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.constraints.Positive;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.Map;
import java.util.Optional;

/** The administrator's pages: the imports, the nightly run's progress, and a citizen's audit trail. */
@Hidden // pages, not API: kept out of the OpenAPI document
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@Secured(Role.ADMIN_ROLE)
public class AdminPages {

    private static final Logger LOG = LoggerFactory.getLogger(AdminPages.class);

    private final Pages pages;
    private final Csrf csrf;
    private final DataSubjectRights rights;
    private final RematchRuns runs;
    private final EscoImporter esco;
    private final EscoImportProgress escoProgress;
    private final Postcodes postcodes;
    private final ExecutorService background;

    AdminPages(Pages pages, Csrf csrf, DataSubjectRights rights, RematchRuns runs, EscoImporter esco,
               EscoImportProgress escoProgress, Postcodes postcodes,
               @Named(TaskExecutors.BLOCKING) ExecutorService background) {
        this.pages = pages;
        this.csrf = csrf;
        this.rights = rights;
        this.runs = runs;
        this.esco = esco;
        this.escoProgress = escoProgress;
        this.postcodes = postcodes;
        this.background = background;
    }

    /** {@code citizenId} null: no citizen asked for yet; {@code postcodes}: what a postcode import just did. */
    public record Admin(@Nullable Long citizenId, List<AuditEntry> trail, Rematch rematch, Import esco,
                        @Nullable String importError, @Nullable String postcodes) {
    }

    /** The ESCO import as the page shows it: a bar of files read, with what it is doing in Danish. */
    public record Import(boolean running, boolean shown, int filesDone, int filesTotal, String text,
                         @Nullable String error) {
    }

    /**
     * The nightly run as the page shows it: the running one (refreshed every few seconds) or else the latest
     * finished one; {@code text} says in Danish what the bar shows, for those who cannot see it.
     */
    public record Rematch(@Nullable Long runId, boolean running, int done, int total, String state, String text,
                          @Nullable String failures) {
    }

    @Get
    MutableHttpResponse<?> admin(HttpRequest<?> request, @QueryValue @Nullable @Positive Long borger) {
        List<AuditEntry> trail = borger == null ? List.of() : rights.trail(borger);
        return pages.render(request, "admin", "Administration", "/admin", new Admin(borger, trail, rematch(),
                escoImport(), null, null));
    }

    /** The ESCO import's progress alone, for htmx to swap in while it runs. */
    @Get("/import")
    MutableHttpResponse<?> importProgress() {
        return HttpResponse.ok(new ModelAndView<>("import", Map.of("page", escoImport())))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    /** Starts an ESCO import of a folder on the server in the background; the page follows its progress. */
    @Post("/import/esco")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> importEsco(HttpRequest<?> request, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        String folder = form.text("mappe");
        String error = folder.isEmpty() || folder.indexOf('\0') >= 0 || !Files.isDirectory(Path.of(folder))
                ? "Mappen findes ikke på serveren." : escoProgress.running() ? "En import kører allerede." : null;
        if (error != null) {
            return pages.render(request, "admin", "Administration", "/admin", new Admin(null, List.of(), rematch(),
                    escoImport(), error, null)).status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        background.submit(() -> {
            try {
                esco.importDirectory(Path.of(folder));
            } catch (RuntimeException e) {
                LOG.warn("ESCO import from the admin page failed: {}", e.getMessage());
            }
        });
        return Pages.redirect("/admin?besked=import#import");
    }

    /** Imports a postcode table (a file on the server); quick, so the page answers with what it did. */
    @Post("/import/postnumre")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> importPostcodes(HttpRequest<?> request, @Body String body) {
        Form form = Form.parse(body);
        csrf.verify(request, form);
        String file = form.text("fil");
        if (file.isEmpty() || file.indexOf('\0') >= 0 || !Files.isRegularFile(Path.of(file))) {
            return pages.render(request, "admin", "Administration", "/admin", new Admin(null, List.of(), rematch(),
                    escoImport(), "Filen findes ikke på serveren.", null)).status(HttpStatus.UNPROCESSABLE_ENTITY);
        }
        Postcodes.ImportResult r = postcodes.importFile(Path.of(file), form.get("erstat").isPresent());
        Locale da = Locale.forLanguageTag("da-DK");
        String done = String.format(da, "Postnumre importeret: %,d rækker læst, %,d nye, %,d ændret, %,d uændret,"
                + " %,d fjernet; %,d i alt.", r.rows(), r.added(), r.changed(), r.unchanged(), r.removed(), r.total());
        return pages.render(request, "admin", "Administration", "/admin", new Admin(null, List.of(), rematch(),
                escoImport(), null, done));
    }

    private Import escoImport() {
        Optional<EscoImportProgress.State> current = escoProgress.current();
        if (current.isEmpty()) {
            return new Import(false, false, 0, 0, "Ingen import siden start.", null);
        }
        EscoImportProgress.State s = current.get();
        Locale da = Locale.forLanguageTag("da-DK");
        if (s.running()) {
            String text = String.format(da, "%d af %d filer læst", s.filesDone(), s.filesTotal())
                    + (s.file() == null ? "." : String.format(da, "; læser %s (%,d rækker).", s.file(), s.rows()));
            return new Import(true, true, s.filesDone(), s.filesTotal(), text, null);
        }
        if (s.error() != null) {
            return new Import(false, true, s.filesDone(), Math.max(s.filesTotal(), 1),
                    "Importen stoppede; intet er ændret.", s.error());
        }
        EscoImportResult r = s.result();
        String text = String.format(da, "Færdig: %,d stillinger, %,d kompetencer, %,d ISCO-grupper, %,d relationer"
                        + " på %,d ms; %,d rækker sprunget over (se svaret fra API'et for hver række og grunden).",
                r.occupations(), r.skills(), r.iscoGroups(), r.relations(), r.millis(), r.skipped());
        return new Import(false, true, s.filesTotal(), Math.max(s.filesTotal(), 1), text, null);
    }

    /** The progress alone, for htmx to swap in while a run is under way. */
    @Get("/koersel")
    MutableHttpResponse<?> progress() {
        return HttpResponse.ok(new ModelAndView<>("rematch", Map.of("page", rematch())))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    @Post("/koersel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> start(HttpRequest<?> request, @Body String body) {
        csrf.verify(request, Form.parse(body));
        runs.start(RematchRun.StartedBy.API);
        return Pages.redirect("/admin?besked=koersel#koersel");
    }

    private Rematch rematch() {
        Optional<RematchRun> running = runs.running();
        Optional<RematchRun> shown = running.isPresent() ? running : runs.latestDone();
        if (shown.isEmpty()) {
            return new Rematch(null, false, 0, 0, "Ingen kørsel endnu", "Der er ikke kørt nogen genmatchning endnu.",
                    null);
        }
        RematchRun r = shown.get();
        Locale da = Locale.forLanguageTag("da-DK");
        int percent = r.citizensTotal() == 0 ? (r.state() == RematchRun.State.DONE ? 100 : 0)
                : (int) Math.floor(100.0 * r.citizensDone() / r.citizensTotal());
        StringBuilder text = new StringBuilder(String.format(da, "%,d af %,d borgere matchet (%d %%)",
                r.citizensDone(), r.citizensTotal(), percent));
        if (r.state() != RematchRun.State.DONE) {
            text.append(String.format(da, ", %.1f borgere i sekundet", r.citizensPerSecond()));
            if (r.etaSeconds() != null) {
                text.append(", cirka ").append(duration(r.etaSeconds())).append(" tilbage");
            }
        }
        text.append('.');
        String failures = r.failed() == 0 ? null : r.failed() == 1 ? "1 borger kunne ikke matches."
                : r.failed() + " borgere kunne ikke matches.";
        return new Rematch(r.id(), r.state() != RematchRun.State.DONE, r.citizensDone(), r.citizensTotal(),
                state(r.state()), text.toString(), failures);
    }

    private static String state(RematchRun.State state) {
        return switch (state) {
            case PREPARING -> "Forbereder (udløbne opslag, flag, opdeling)";
            case MATCHING -> "Matcher borgere";
            case FINISHING -> "Afslutter (loft pr. virksomhed, sammenligning)";
            case DONE -> "Færdig";
        };
    }

    private static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " sekund" + (seconds == 1 ? "" : "er");
        }
        long minutes = Math.round(seconds / 60.0);
        return minutes + " minut" + (minutes == 1 ? "" : "ter");
    }
}
