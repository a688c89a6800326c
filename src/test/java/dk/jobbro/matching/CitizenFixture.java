package dk.jobbro.matching;

import dk.jobbro.citizen.HealthLimitation;
import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A citizen as matching sees them, built like the domain speaks:
 * {@code anActivityReadyCitizen().livingIn(AARHUS).wanting(WAREHOUSE_WORKER)}. Allowed kinds and the internship
 * limit come from {@code config/eligibility.yml}, the weights from {@code config/scoring.yml}, as shipped. Without
 * saying otherwise the citizen lives in Aarhus, commutes up to 30 km, works up to 37 hours, has a driving licence,
 * speaks Danish natively, and it is 23 November 2026.
 */
public final class CitizenFixture {

    public static final EligibilityPolicy POLICY = EligibilityFile.load();
    public static final ScoringWeights MODEL = ScoringModelFile.load();
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private final TargetGroup group;
    private Set<PostingKind> allowedKinds;
    private GeoPoint home = Town.AARHUS.centre();
    private double commuteKm = 30;
    private int maxHours = 37;
    private final Set<PhysicalDemand> excludedDemands = EnumSet.noneOf(PhysicalDemand.class);
    private boolean drivingLicence = true;
    private final Map<String, LanguageLevel> languages = new HashMap<>(Map.of("da", LanguageLevel.NATIVE));
    private LocalDate today = TODAY;
    private final Set<String> skills = new LinkedHashSet<>();
    private final Set<String> wanted = new LinkedHashSet<>();
    private final Set<String> held = new LinkedHashSet<>();
    private final Set<SupportKind> needs = EnumSet.noneOf(SupportKind.class);
    private final Set<Long> employersWithoutCapacity = new HashSet<>();
    private final Map<Long, String> notForEmployers = new HashMap<>();
    private final Map<String, String> notForOccupations = new HashMap<>();
    private SkillRarity rarity = SkillRarity.UNIFORM;
    private ScoringWeights weights = MODEL;

    private CitizenFixture(TargetGroup group) {
        this.group = group;
        this.allowedKinds = POLICY.allowedKinds(group);
    }

    public static CitizenFixture aCitizenIn(TargetGroup group) {
        return new CitizenFixture(group);
    }

    public static CitizenFixture anActivityReadyCitizen() {
        return aCitizenIn(TargetGroup.CASH_BENEFIT_ACTIVITY_READY);
    }

    public static CitizenFixture aJobReadyCitizen() {
        return aCitizenIn(TargetGroup.CASH_BENEFIT_JOB_READY);
    }

    public static CitizenFixture anInsuredUnemployedCitizen() {
        return aCitizenIn(TargetGroup.INSURED_UNEMPLOYED);
    }

    public static CitizenFixture aSickListedCitizen() {
        return aCitizenIn(TargetGroup.SICKNESS_BENEFIT);
    }

    public CitizenFixture livingIn(Town town) {
        return livingAt(town.centre());
    }

    public CitizenFixture livingAt(GeoPoint point) {
        home = point;
        return this;
    }

    public CitizenFixture commutingAtMost(double km) {
        commuteKm = km;
        return this;
    }

    public CitizenFixture workingAtMost(int hoursPerWeek) {
        maxHours = hoursPerWeek;
        return this;
    }

    /** A health limitation, mapped as a citizen's profile maps it: a ruled-out demand or a support need. */
    public CitizenFixture limitedBy(HealthLimitation limitation) {
        limitation.rulesOut().ifPresent(excludedDemands::add);
        limitation.asksFor().ifPresent(needs::add);
        return this;
    }

    public CitizenFixture withoutDrivingLicence() {
        drivingLicence = false;
        return this;
    }

    public CitizenFixture speaking(String language, LanguageLevel level) {
        languages.put(language, level);
        return this;
    }

    public CitizenFixture speakingNothingBut(String language, LanguageLevel level) {
        languages.clear();
        return speaking(language, level);
    }

    public CitizenFixture on(LocalDate day) {
        today = day;
        return this;
    }

    public CitizenFixture skilledIn(String... codes) {
        skills.addAll(List.of(codes));
        return this;
    }

    public CitizenFixture wanting(String... occupations) {
        wanted.addAll(List.of(occupations));
        return this;
    }

    public CitizenFixture havingWorkedAs(String... occupations) {
        held.addAll(List.of(occupations));
        return this;
    }

    public CitizenFixture needing(SupportKind... kinds) {
        needs.addAll(List.of(kinds));
        return this;
    }

    /** The target group's kinds replaced, for rules that must hold for any configuration. */
    public CitizenFixture mayBeOffered(Set<PostingKind> kinds) {
        allowedKinds = Set.copyOf(kinds);
        return this;
    }

    public CitizenFixture whileEmployerHasNoHeadroom(long employerId) {
        employersWithoutCapacity.add(employerId);
        return this;
    }

    public CitizenFixture notForEmployer(long employerId, String reason) {
        notForEmployers.put(employerId, reason);
        return this;
    }

    public CitizenFixture notForOccupation(String occupation, String reason) {
        notForOccupations.put(occupation, reason);
        return this;
    }

    public CitizenFixture withSkillRarity(SkillRarity skillRarity) {
        rarity = skillRarity;
        return this;
    }

    public CitizenFixture scoredWith(ScoringWeights model) {
        weights = model;
        return this;
    }

    public boolean activityReady() {
        return group.activityReady();
    }

    public MatchCriteria criteria() {
        return new MatchCriteria(allowedKinds, home, commuteKm, maxHours, Set.copyOf(excludedDemands), drivingLicence,
                Map.copyOf(languages), today, Set.copyOf(skills), Set.copyOf(wanted), Set.copyOf(held),
                Set.copyOf(needs), "", weights, Set.copyOf(employersWithoutCapacity),
                Map.copyOf(notForEmployers), Map.copyOf(notForOccupations), POLICY.internshipMaxWeeks(group), rarity,
                MatchCriteria.skillNorm(skills, rarity));
    }
}
