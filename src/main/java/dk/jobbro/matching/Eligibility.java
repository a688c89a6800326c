package dk.jobbro.matching;

import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hard rules of matching in plain Java: which of them keep a posting from a citizen. The index applies the
 * same rules as filters ({@code MatchQueries}); a test holds the two to the same answers.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** Every rule the posting breaks for these criteria; empty when the posting may be matched. */
    public static List<Exclusion> check(MatchCriteria c, PostingFacts p) {
        List<Exclusion> out = new ArrayList<>();
        if (p.status() != PostingStatus.OPEN) {
            out.add(new Exclusion(Exclusion.Rule.NOT_OPEN, "Opslaget er ikke åbent (" + p.status() + ")",
                    "Opslaget bliver åbnet igen"));
        }
        if (p.slotsFilled() >= p.slots()) {
            out.add(new Exclusion(Exclusion.Rule.NO_FREE_SLOT, "Alle " + p.slots() + " pladser er besat",
                    "En plads bliver ledig"));
        }
        if (p.applicationDeadline() != null && p.applicationDeadline().isBefore(c.today())) {
            out.add(new Exclusion(Exclusion.Rule.DEADLINE_PASSED, "Ansøgningsfristen " + p.applicationDeadline()
                    + " er overskredet", "Virksomheden forlænger ansøgningsfristen"));
        }
        if (!c.allowedKinds().contains(p.kind())) {
            out.add(new Exclusion(Exclusion.Rule.KIND_NOT_ALLOWED,
                    "Borgerens målgruppe kan ikke tilbydes " + kindDa(p),
                    "Borgeren skifter til en målgruppe, der kan tilbydes " + kindDa(p)));
        }
        double km = c.home().distanceKm(p.location());
        if (km > c.maxDistanceKm()) {
            double needed = Math.ceil(km);
            out.add(new Exclusion(Exclusion.Rule.TOO_FAR, String.format(Locale.ROOT,
                    "Arbejdsstedet ligger %.1f km væk; borgeren kan højst pendle %.0f km", km, c.maxDistanceKm()),
                    String.format(Locale.ROOT, "Borgeren kan pendle %.0f km", needed), needed));
        }
        if (!hoursFit(c, p)) {
            out.add(new Exclusion(Exclusion.Rule.TOO_MANY_HOURS, "Opslaget kræver mindst " + p.hoursMin()
                    + " timer om ugen; borgeren kan højst " + c.maxHoursPerWeek(),
                    "Borgeren kan arbejde " + p.hoursMin() + " timer om ugen, eller virksomheden tilbyder gradvis opstart",
                    (double) p.hoursMin()));
        }
        for (PhysicalDemand demand : p.physicalDemands()) {
            if (c.excludedDemands().contains(demand)) {
                out.add(new Exclusion(Exclusion.Rule.PHYSICAL_DEMAND,
                        "Jobbet indebærer " + demandDa(demand) + ", som borgeren ikke kan",
                        "Virksomheden kan tage skånehensyn, så jobbet er uden " + demandDa(demand)));
            }
        }
        if (p.drivingLicenceRequired() && !c.hasDrivingLicence()) {
            out.add(new Exclusion(Exclusion.Rule.DRIVING_LICENCE, "Jobbet kræver kørekort",
                    "Borgeren får kørekort"));
        }
        for (LanguageSkill required : p.languageRequirements()) {
            LanguageLevel level = c.languages().get(required.language());
            if (level == null || !level.meets(required.level())) {
                out.add(new Exclusion(Exclusion.Rule.LANGUAGE, "Jobbet kræver sproget '" + required.language()
                        + "' på niveau " + required.level() + (level == null ? "" : "; borgeren har " + level),
                        "Borgeren når niveau " + required.level() + " i '" + required.language() + "'"));
            }
        }
        if (p.kind() != PostingKind.ORDINARY_JOB && c.employersWithoutCapacity().contains(p.employerId())) {
            out.add(new Exclusion(Exclusion.Rule.NO_CAPACITY,
                    "Virksomheden har ikke plads til flere i praktik eller løntilskud (rimelighedskravet)",
                    "Virksomheden får flere ordinært ansatte, eller en praktik- eller løntilskudsplads bliver ledig"));
        }
        String employerReason = c.notForEmployers().get(p.employerId());
        if (employerReason != null) {
            out.add(new Exclusion(Exclusion.Rule.NOT_FOR_CITIZEN,
                    "Konsulenten har vurderet, at virksomheden ikke er for borgeren: " + employerReason,
                    "Konsulenten fjerner vurderingen"));
        }
        String occupationReason = c.notForOccupations().get(p.occupationCode());
        if (occupationReason != null) {
            out.add(new Exclusion(Exclusion.Rule.NOT_FOR_CITIZEN,
                    "Konsulenten har vurderet, at stillingen ikke er for borgeren: " + occupationReason,
                    "Konsulenten fjerner vurderingen"));
        }
        return out;
    }

    /** Hours fit when the posting's minimum is within the citizen's maximum, or a gradual start is offered. */
    static boolean hoursFit(MatchCriteria c, PostingFacts p) {
        return p.hoursMin() <= c.maxHoursPerWeek() || p.supportOffered().contains(SupportKind.GRADUAL_START);
    }

    static String kindDa(PostingFacts p) {
        return switch (p.kind()) {
            case ORDINARY_JOB -> "ordinært job";
            case INTERNSHIP -> "virksomhedspraktik";
            case WAGE_SUBSIDY -> "løntilskud";
        };
    }

    static String demandDa(PhysicalDemand d) {
        return switch (d) {
            case HEAVY_LIFTING -> "tunge løft";
            case PROLONGED_STANDING -> "at stå op hele dagen";
            case NIGHT_SHIFTS -> "nattevagter";
            case OUTDOOR_WORK -> "udendørs arbejde";
            case REPETITIVE_WORK -> "ensidigt gentaget arbejde";
        };
    }
}
