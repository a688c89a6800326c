package dk.jobbro.matching;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A posting built like the domain speaks: {@code anInternship().at(AARHUS).requiring("forklift-operation")}.
 * Without saying otherwise it is open, at employer 1 in Aarhus, for a warehouse worker, 10-37 hours a week, one
 * free slot, no demands, no deadline. {@link #facts()} is what matching reads, {@link #posting()} the stored record.
 */
public final class PostingFixture {

    private final PostingKind kind;
    private long id = 1;
    private long employerId = 1;
    private PostingStatus status = PostingStatus.OPEN;
    private String title = "Lagermedarbejder";
    private String occupation = Occupations.WAREHOUSE_WORKER;
    private final List<String> required = new ArrayList<>();
    private final List<String> desired = new ArrayList<>();
    private final List<String> typical = new ArrayList<>();
    private String postcode = Town.AARHUS.postcode();
    private GeoPoint location = Town.AARHUS.centre();
    private int hoursMin = 10;
    private int hoursMax = 37;
    private int slots = 1;
    private int slotsFilled = 0;
    private final Set<SupportKind> support = EnumSet.noneOf(SupportKind.class);
    private final Set<PhysicalDemand> demands = EnumSet.noneOf(PhysicalDemand.class);
    private boolean drivingLicence = false;
    private final List<LanguageSkill> languages = new ArrayList<>();
    private LocalDate deadline;

    private PostingFixture(PostingKind kind) {
        this.kind = kind;
    }

    public static PostingFixture anInternship() {
        return new PostingFixture(PostingKind.INTERNSHIP);
    }

    public static PostingFixture anOrdinaryJob() {
        return new PostingFixture(PostingKind.ORDINARY_JOB);
    }

    public static PostingFixture aWageSubsidySlot() {
        return new PostingFixture(PostingKind.WAGE_SUBSIDY);
    }

    public static PostingFixture aPosting(PostingKind kind) {
        return new PostingFixture(kind);
    }

    public PostingFixture numbered(long postingId) {
        id = postingId;
        return this;
    }

    public PostingFixture byEmployer(long employer) {
        employerId = employer;
        return this;
    }

    public PostingFixture inStatus(PostingStatus s) {
        status = s;
        return this;
    }

    public PostingFixture titled(String t) {
        title = t;
        return this;
    }

    public PostingFixture forOccupation(String code) {
        occupation = code;
        return this;
    }

    public PostingFixture at(Town town) {
        postcode = town.postcode();
        location = town.centre();
        return this;
    }

    public PostingFixture at(GeoPoint point) {
        location = point;
        return this;
    }

    public PostingFixture requiring(String... skills) {
        required.addAll(List.of(skills));
        return this;
    }

    public PostingFixture desiring(String... skills) {
        desired.addAll(List.of(skills));
        return this;
    }

    /** Essential skills of the posting's occupation that it does not name (PostingFacts.of derives them). */
    public PostingFixture typicallyNeeding(String... skills) {
        typical.addAll(List.of(skills));
        return this;
    }

    public PostingFixture hours(int min, int max) {
        hoursMin = min;
        hoursMax = max;
        return this;
    }

    public PostingFixture offering(SupportKind... kinds) {
        support.addAll(List.of(kinds));
        return this;
    }

    public PostingFixture demanding(PhysicalDemand... d) {
        demands.addAll(List.of(d));
        return this;
    }

    public PostingFixture requiringDrivingLicence() {
        drivingLicence = true;
        return this;
    }

    public PostingFixture requiringLanguage(String language, LanguageLevel level) {
        languages.add(new LanguageSkill(language, level));
        return this;
    }

    public PostingFixture withDeadline(LocalDate day) {
        deadline = day;
        return this;
    }

    public PostingFixture withSlots(int total, int filled) {
        slots = total;
        slotsFilled = filled;
        return this;
    }

    public PostingFacts facts() {
        return new PostingFacts(id, employerId, "Virksomhed " + employerId, kind, status, title, occupation,
                List.copyOf(required), List.copyOf(desired), List.copyOf(typical), location, hoursMin, hoursMax, slots, slotsFilled,
                Set.copyOf(support), Set.copyOf(demands), drivingLicence, List.copyOf(languages), deadline);
    }

    public Posting posting() {
        Instant created = Instant.parse("2026-11-01T08:00:00Z");
        return new Posting(id, employerId, kind, status, title, "", occupation, List.copyOf(required),
                List.copyOf(desired), null, postcode, null, location.latitude(), location.longitude(), hoursMin,
                hoursMax, null, deadline, null, slots, slotsFilled, List.copyOf(support), List.copyOf(demands),
                drivingLicence, List.copyOf(languages), created, created);
    }
}
