package dk.jobbro.pages;

import dk.jobbro.support.Api;
import dk.jobbro.taxonomy.EscoFiles;
import dk.jobbro.support.TestIdentityProvider;
import dk.jobbro.support.World;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium through the system's chromedriver (no
 * driver download). Every page visited is checked with axe-core (no serious or critical violation); screenshots of the
 * main pages go to target/screenshots (docs/screenshots holds the committed ones).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
    static final Path SHOTS = Path.of("target/screenshots");

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    ChromeDriver browser;
    String axe;
    final Set<String> checked = new TreeSet<>();
    Api admin;
    long employer;
    long flagged;
    long plain;
    long matching;

    @BeforeAll
    void start() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's Chromium and ChromeDriver: apt-get install -y chromium chromium-driver"
                    + " (.ci/run installs them)");
        }
        if (!Files.isReadable(AXE)) {
            fail("axe-core is missing: the build installs it with npm (src/main/frontend/build.sh); run ./mvnw verify");
        }
        axe = Files.readString(AXE);
        Path profile = Files.createTempDirectory("jobbro-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        // As the machine notes say: no background traffic (the network is closed), a fresh profile, no sandbox as root.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=da");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SHOTS);

        admin = new Api(client).as(TestIdentityProvider.admin());
        employer = admin.id(admin.post("/api/v1/employers", World.employer("Havnens Lager ApS", World.cvr())));
        plain = admin.id(admin.post("/api/v1/citizens", World.citizen().set("name", "Anders Almindelig").build()));
        flagged = admin.id(admin.post("/api/v1/citizens", World.citizen().set("name", "Bente Flagsen").build()));
        admin.put("/api/v1/citizens/" + flagged + "/circumstances",
                World.circumstances(World.circumstance("HOUSING", "SEVERE", false)));
        matching = admin.id(admin.post("/api/v1/citizens", World.citizen().set("name", "Mette Hemmeligsen")
                .targetGroup("CASH_BENEFIT_ACTIVITY_READY").skills("forklift-operation").wants("432110")
                .limitations("NO_NIGHT_SHIFTS").needs("MENTOR").build()));
        admin.put("/api/v1/citizens/" + matching + "/circumstances",
                World.circumstances(World.circumstance("SUBSTANCE_USE", "SEVERE", false)));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return server.getURL() + path;
    }

    void open(String path) {
        browser.get(url(path));
        accessible();
    }

    /** axe-core on the page shown: no serious or critical violation. */
    @SuppressWarnings("unchecked")
    void accessible() {
        JavascriptExecutor js = browser;
        js.executeScript(axe);
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
        List<String> violations = (List<String>) result;
        String path = browser.getCurrentUrl().replace(server.getURL().toString(), "");
        assertTrue(violations.isEmpty(), path + ": " + violations);
        checked.add(path.replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}"));
    }

    void signIn(String user) {
        open("/logind");
        browser.findElement(By.id("bruger-" + user)).click();
        if (user.equals("virksomhed")) {
            WebElement id = browser.findElement(By.id("virksomhed"));
            id.clear();
            id.sendKeys(String.valueOf(employer));
        }
        submit(browser.findElement(By.cssSelector("form[action='/logind'] button[type=submit]")));
        assertFalse(browser.findElements(By.cssSelector("form[action='/logud']")).isEmpty(),
                "signed in as " + user + ": " + browser.getCurrentUrl() + " " + browser.findElement(By.tagName("body")).getText());
        accessible();
    }

    void signOut() {
        submit(browser.findElement(By.cssSelector("form[action='/logud'] button")));
        assertTrue(browser.getCurrentUrl().endsWith("/logind"), browser.getCurrentUrl());
    }

    String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    /** A screenshot with this element at the top of the window. */
    void screenshot(String name, By element) throws IOException {
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(element));
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    void screenshot(String name) throws IOException {
        browser.executeScript("window.scrollTo(0, 0)");
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void everyRoleSignsInToItsOwnStartPageAndOut() throws IOException {
        open("/konsulent");
        assertTrue(browser.getCurrentUrl().endsWith("/logind"), "without a session: the sign-in page");
        screenshot("sign-in");
        signIn("konsulent-aarhus");
        assertEquals("Arbejdsliste", h1());
        signOut();
        signIn("virksomhed");
        assertEquals("Jeres opslag", h1());
        assertTrue(browser.getPageSource().contains("Havnens Lager ApS"), "the employer's name from the session");
        signOut();
        signIn("admin");
        assertEquals("Administration", h1());
        browser.findElement(By.id("borger")).sendKeys(String.valueOf(flagged));
        submit(browser.findElement(By.cssSelector("form[action='/admin'] button")));
        accessible();
        assertTrue(browser.findElements(By.cssSelector("#log tbody tr")).size() >= 2, "the citizen's audit trail");
        screenshot("admin-audit");
        signOut();
        open("/konsulent");
        assertTrue(browser.getCurrentUrl().endsWith("/logind"), "signed out means signed out");
    }

    @Test
    void theWorkListShowsFlaggedCitizensFirst() throws IOException {
        signIn("konsulent-aarhus");
        List<WebElement> rows = browser.findElements(By.cssSelector("#arbejdsliste-Aarhus tbody tr"));
        assertTrue(rows.size() >= 3, rows.size() + " rows");
        List<String> names = rows.stream().map(r -> r.findElement(By.tagName("a")).getText()).toList();
        assertTrue(names.indexOf("Bente Flagsen") < names.indexOf("Anders Almindelig"), names.toString());
        assertTrue(rows.get(0).getAttribute("class").contains("jb-flagged"), "the first row is flagged");
        screenshot("worklist");
        signOut();
    }

    @Test
    void anInternshipIsPostedFoundExplainedProposedAndAcceptedAndItsSlotIsFilled() throws IOException {
        signIn("virksomhed");
        open("/virksomhed/opslag/ny");
        browser.findElement(By.id("kind-INTERNSHIP")).click();
        assertTrue(browser.findElement(By.id("kind-INTERNSHIP-hint")).getText().contains("beholder sin ydelse"));
        browser.findElement(By.id("title")).sendKeys("Lagerpraktik på havnen");
        browser.findElement(By.id("description")).sendKeys("Pluk og pak med god tid til oplæring.");
        browser.findElement(By.id("occupation")).sendKeys("432110");
        browser.findElement(By.id("requiredSkills")).sendKeys("forklift-operation");
        WebElement slots = browser.findElement(By.id("slots"));
        slots.clear();
        slots.sendKeys("2");
        browser.findElement(By.id("support-MENTOR")).click();
        screenshot("employer-new-posting");
        submit(browser.findElement(By.id("gem")));
        accessible();
        assertEquals("Lagerpraktik på havnen", h1());
        String postingPath = browser.getCurrentUrl().replace(server.getURL().toString(), "").replaceAll("\\?.*", "");
        assertEquals("0 af 2", browser.findElement(By.id("pladser")).getText());
        signOut();

        signIn("konsulent-aarhus");
        open("/konsulent/borgere/" + matching);
        WebElement match = browser.findElements(By.cssSelector(".jb-match")).stream()
                .filter(m -> m.getText().contains("Lagerpraktik på havnen")).findFirst()
                .orElseThrow(() -> new AssertionError("the new internship is among the matches"));
        assertEquals(7, match.findElements(By.cssSelector("svg.jb-stack rect")).size(),
                "a bar per component of the ranking model (skills, occupation, experience, text, distance, hours, support)");
        assertTrue(match.getText().contains("Score"), match.getText());
        assertTrue(match.getText().contains("Kræver parallel indsats"), "flagged, and still matched");
        screenshot("consultant-citizen");
        browser.executeScript("arguments[0].scrollIntoView()", match);
        Files.write(SHOTS.resolve("consultant-match.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        match.findElement(By.tagName("summary")).click();
        match.findElement(By.cssSelector("textarea[name=note]")).sendKeys("Mødestabil og glad for truckkørsel");
        submit(match.findElement(By.cssSelector("button[type=submit]")));
        accessible();
        assertTrue(browser.findElement(By.id("forslag")).getText().contains("Foreslået"));
        long postingId = Long.parseLong(postingPath.replaceAll("\\D+", ""));
        // With htmx the why-not form swaps only the explanation in; the page stays (no reload)...
        open("/konsulent/borgere/" + matching);
        WebElement marker = browser.findElement(By.tagName("h1"));
        browser.findElement(By.id("hvorfor")).sendKeys(String.valueOf(postingId), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#hvorfor-resultat #forklaring-hvorfor")));
        assertTrue(browser.findElement(By.id("forklaring-hvorfor")).getText().contains("Lagerpraktik på havnen"));
        accessible();
        assertTrue(marker.isDisplayed(), "a partial update, not a new page");
        // ...and without JavaScript the same form is a plain GET of the page.
        open("/konsulent/borgere/" + matching + "?hvorfor=" + postingId);
        assertTrue(browser.findElement(By.id("forklaring-hvorfor")).getText().contains("Lagerpraktik på havnen"));
        signOut();

        signIn("virksomhed");
        open(postingPath);
        WebElement proposal = browser.findElement(By.cssSelector(".jb-proposal"));
        assertTrue(proposal.getText().contains("Mette"), proposal.getText());
        String page = browser.getPageSource();
        for (String sensitive : List.of("Hemmeligsen", "hjemløs", "misbrug", "Misbrug", "SUBSTANCE", "HOUSING",
                "parallel", "Parallel", "natarbejde", "Kontanthjælp")) {
            assertFalse(page.contains(sensitive), sensitive + " on the employer's page");
        }
        screenshot("employer-proposal");
        proposal.findElement(By.cssSelector("input[value=ACCEPTED]")).click();
        submit(proposal.findElement(By.cssSelector("button[type=submit]")));
        accessible();
        assertEquals("1 af 2", browser.findElement(By.id("pladser")).getText(), "accepting filled a slot");
        assertTrue(browser.findElement(By.id("forslag")).getText().contains("Ansat"));
        open("/virksomhed");
        assertTrue(browser.findElement(By.id("opslag")).getText().contains("1 af 2"));
        screenshot("employer-postings");
        signOut();

        signIn("konsulent-aarhus");
        open("/konsulent/borgere/" + matching);
        assertTrue(browser.findElement(By.id("forslag")).getText().contains("Ansat"), "both sides see the step");
        signOut();
    }

    @Test
    void aConsultantEditsTheProfileByDanishNamesWithTheTypeaheadAndAnUnknownNameGetsTheNearestNames() throws IOException {
        signIn("konsulent-aarhus");
        open("/konsulent/borgere/" + plain);
        browser.findElement(By.id("ret-profil")).click();
        accessible();
        assertEquals("Profil: Anders Almindelig", h1());
        // With JavaScript the field offers the classification's names as it is typed (htmx fills the datalist).
        WebElement skill = browser.findElement(By.id("kompetence-0"));
        skill.sendKeys("TRUCKK");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(
                By.cssSelector("#kompetence-navne option[value='Truckkørsel']")).isEmpty());
        skill.clear();
        skill.sendKeys("truckkorsel");
        new Select(browser.findElement(By.id("niveau-0"))).selectByVisibleText("Ekspert");
        browser.findElement(By.id("oensket-0")).sendKeys("Lagermedarbeider"); // a typo
        browser.findElement(By.id("erfaring-0")).sendKeys("køkkenchef"); // a synonym
        screenshot("consultant-profile");
        submit(browser.findElement(By.id("gem-profil")));
        accessible();
        // The plain form's answer: the unknown name is a Danish error next to its field, with the nearest names.
        WebElement error = browser.findElement(By.id("oensket-0-fejl"));
        assertTrue(error.getText().startsWith("Stillingen findes ikke i klassifikationen. Mente du ")
                && error.getText().contains("Lagermedarbejder"), error.getText());
        assertEquals("oensket-0-fejl", browser.findElement(By.id("oensket-0")).getAttribute("aria-describedby"));
        assertEquals("Lagermedarbeider", browser.findElement(By.id("oensket-0")).getAttribute("value"), "kept as typed");
        assertEquals("truckkorsel", browser.findElement(By.id("kompetence-0")).getAttribute("value"));
        screenshot("consultant-profile-error", By.cssSelector("label[for=oensket-0]"));
        WebElement wanted = browser.findElement(By.id("oensket-0"));
        wanted.clear();
        wanted.sendKeys("LAGERASSISTENT"); // a synonym only the seed's Lagermedarbejder has
        submit(browser.findElement(By.id("gem-profil")));
        accessible();
        assertTrue(browser.getPageSource().contains("Ændringerne er gemt"), browser.getCurrentUrl());
        String profile = browser.findElement(By.cssSelector(".jb-facts")).getText();
        assertTrue(profile.contains("Truckkørsel"), profile);
        assertTrue(profile.contains("Lagermedarbejder") && profile.contains("Kok"), profile);
        Map<String, Object> stored = admin.get("/api/v1/citizens/" + plain);
        assertEquals(List.of(Map.of("code", "forklift-operation", "level", "EXPERT")), stored.get("skills"));
        assertEquals(List.of("432110"), stored.get("occupationsWanted"));
        assertEquals(List.of("512010"), stored.get("occupationsHeld"));
        signOut();
    }

    @Test
    void aConsultantSearchesPostingsWithFiltersAndSeesTheCountPerKind() throws IOException {
        admin.post("/api/v1/postings", World.posting(employer).kind("ORDINARY_JOB").title("Zebrapasser fuld tid")
                .hours(37, 37).build());
        admin.post("/api/v1/postings", World.posting(employer).kind("INTERNSHIP").title("Zebrapasser i praktik")
                .hours(10, 20).build());
        admin.post("/api/v1/postings", World.posting(employer).kind("WAGE_SUBSIDY").title("Zebrapasser med løntilskud")
                .hours(20, 30).at("9000", World.AALBORG).build());
        signIn("konsulent-aarhus");
        open("/konsulent/borgere/" + flagged);
        WebElement marker = browser.findElement(By.tagName("h1"));
        assertEquals("8000", browser.findElement(By.id("postnummer")).getAttribute("value"), "the citizen's home");
        browser.findElement(By.id("tekst")).sendKeys("zebrapasser", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.id("facetter")));
        accessible();
        assertTrue(marker.isDisplayed(), "with htmx only the result is swapped in");
        assertEquals("Ordinært job (1)", facet("ORDINARY_JOB"));
        assertEquals("Virksomhedspraktik (1)", facet("INTERNSHIP"));
        assertEquals("Løntilskud (0)", facet("WAGE_SUBSIDY"), "Aalborg is beyond the citizen's 30 km");
        screenshot("consultant-search", By.id("soegning"));
        // A count is a link narrowing the search to its kind: a plain GET, so it works without JavaScript too.
        submit(browser.findElement(By.cssSelector("#facetter a[data-kind=INTERNSHIP]")));
        accessible();
        List<String> hits = browser.findElements(By.cssSelector("#soegetraef li")).stream().map(WebElement::getText)
                .toList();
        assertEquals(1, hits.size(), hits.toString());
        assertTrue(hits.get(0).startsWith("Zebrapasser i praktik"), hits.toString());
        assertEquals("true", browser.findElement(By.cssSelector("#facetter a[data-kind=INTERNSHIP]"))
                .getAttribute("aria-current"));
        // Hours and distance: at most 15 hours leaves the internship only; 200 km reaches Aalborg.
        open("/konsulent/borgere/" + flagged + "?soeg=1&tekst=zebrapasser&postnummer=8000&km=200&timer=25");
        assertEquals("Ordinært job (0)", facet("ORDINARY_JOB"));
        assertEquals("Løntilskud (1)", facet("WAGE_SUBSIDY"));
        open("/konsulent/borgere/" + flagged + "?soeg=1&tekst=zebrapasser&postnummer=0000&km=x&timer=");
        assertEquals("Postnummeret findes ikke.", browser.findElement(By.id("postnummer-fejl")).getText());
        signOut();
    }

    String facet(String kind) {
        return browser.findElement(By.cssSelector("#facetter a[data-kind=" + kind + "]")).getText();
    }

    @Test
    void theAdministratorStartsTheNightlyRunAndFollowsItsProgressBar() throws IOException {
        signIn("admin");
        assertFalse(browser.findElements(By.id("start-koersel")).isEmpty());
        submit(browser.findElement(By.id("start-koersel")));
        accessible();
        assertTrue(browser.getPageSource().contains("Genmatchningen er startet"));
        // The bar is refreshed by htmx every 2 s while the run is under way, until it says it is done.
        // htmx swaps the element between finding and reading it now and then: a stale element is read again.
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("koersel-status")).getText().contains("Færdig"));
        WebElement bar = browser.findElement(By.cssSelector("progress#koersel-bar"));
        assertEquals(bar.getAttribute("max"), bar.getAttribute("value"), "a finished run fills the bar");
        String text = browser.findElement(By.id("koersel-tekst")).getText();
        assertTrue(text.matches("[\\d.]+ af [\\d.]+ borgere matchet \\(100 %\\)\\."), text);
        accessible();
        screenshot("admin-rematch", By.id("koersel"));

        // An ESCO import from a folder on the server runs in the background; its bar counts the files read.
        open("/admin");
        browser.findElement(By.id("mappe")).sendKeys(EscoFiles.writeSample(Files.createTempDirectory("esco"))
                .toString());
        submit(browser.findElement(By.id("start-esco")));
        accessible();
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("import-tekst")).getText().startsWith("Færdig:"));
        WebElement files = browser.findElement(By.cssSelector("progress#import-bar"));
        assertEquals(files.getAttribute("max"), files.getAttribute("value"));
        assertTrue(browser.findElement(By.id("import-tekst")).getText().contains("stillinger"));
        accessible();
        open("/admin");
        browser.findElement(By.id("mappe")).sendKeys("/findes/ikke");
        submit(browser.findElement(By.id("start-esco")));
        assertEquals("Mappen findes ikke på serveren.", browser.findElement(By.id("import-formularfejl")).getText());
        accessible();
        signOut();
    }

    @Test
    void aPostingIsCreatedWithTheKeyboardAlone() {
        signIn("virksomhed");
        open("/virksomhed/opslag/ny");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        tabTo("kind-INTERNSHIP");
        active().sendKeys(Keys.ARROW_DOWN); // the radio group: arrows choose, Tab leaves
        assertEquals("kind-WAGE_SUBSIDY", active().getAttribute("id"));
        tabTo("title");
        active().sendKeys("Løntilskud på lageret");
        tabTo("description");
        active().sendKeys("Fuld tid efter aftale.");
        tabTo("occupation");
        active().sendKeys("432110");
        tabTo("slots");
        active().sendKeys(Keys.BACK_SPACE, "1");
        tabTo("gem");
        WebElement page = browser.findElement(By.tagName("html"));
        active().sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
        accessible();
        assertEquals("Løntilskud på lageret", h1());
        assertTrue(browser.getPageSource().contains("Opslaget er oprettet"));
        signOut();
    }

    @Test
    void pagesFitAPhoneScreen() throws IOException {
        signIn("konsulent-aarhus");
        browser.manage().window().setSize(new Dimension(375, 812));
        try {
            for (String path : List.of("/konsulent", "/konsulent/borgere/" + matching,
                    "/konsulent/borgere/" + matching + "/profil",
                    "/konsulent/borgere/" + matching + "?soeg=1&tekst=lager")) {
                open(path);
                Map<String, Object> size = (Map<String, Object>) browser.executeScript(
                        "return {page: document.documentElement.scrollWidth, view: window.innerWidth};");
                assertTrue(((Number) size.get("page")).longValue() <= ((Number) size.get("view")).longValue(),
                        path + " scrolls sideways: " + size);
            }
            screenshot("phone-citizen");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
        signOut();
    }

    /** Clicks a button that submits a form and waits for the next page. */
    void submit(WebElement button) {
        WebElement page = browser.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
    }

    WebElement active() {
        return browser.switchTo().activeElement();
    }

    /** Presses Tab until the element with this id has focus (at most 40 times): the focus order reaches it. */
    void tabTo(String id) {
        for (int i = 0; i < 40; i++) {
            if (id.equals(active().getAttribute("id"))) {
                return;
            }
            active().sendKeys(Keys.TAB);
        }
        fail("Tab never reached #" + id);
    }
}
