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
 * The hard rules of matching, each a named policy: its plain-Java check, and the Danish reason and what would
 * change it when a posting breaks it. The posting index finds its filter for each rule by an exhaustive
 * {@code switch} over this enum ({@code search.PostingRuleFilters}), so a new rule does not compile until the
 * index can apply it. The order here is the order {@link Eligibility#check} lists exclusions in.
 */
public enum HardRule {

    /** Only an open posting is matched. */
    NOT_OPEN {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (p.status() != PostingStatus.OPEN) {
                out.add(new Exclusion(this, "Opslaget er ikke åbent (" + p.status() + ")",
                        "Opslaget bliver åbnet igen"));
            }
        }
    },

    /** A posting whose slots are all filled is not matched. */
    NO_FREE_SLOT {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (p.slotsFilled() >= p.slots()) {
                out.add(new Exclusion(this, "Alle " + p.slots() + " pladser er besat", "En plads bliver ledig"));
            }
        }
    },

    /** The application deadline is the last day the posting is matched. */
    DEADLINE_PASSED {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (p.applicationDeadline() != null && p.applicationDeadline().isBefore(c.today())) {
                out.add(new Exclusion(this, "Ansøgningsfristen " + p.applicationDeadline() + " er overskredet",
                        "Virksomheden forlænger ansøgningsfristen"));
            }
        }
    },

    /** The citizen's target group decides which kinds of opening may be offered (config/eligibility.yml). */
    KIND_NOT_ALLOWED {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (!c.allowedKinds().contains(p.kind())) {
                out.add(new Exclusion(this, "Borgerens målgruppe kan ikke tilbydes " + kindDa(p.kind()),
                        "Borgeren skifter til en målgruppe, der kan tilbydes " + kindDa(p.kind())));
            }
        }
    },

    /** The workplace lies within the citizen's commute; exactly at the limit is within. */
    TOO_FAR {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            double km = c.home().distanceKm(p.location());
            if (km > c.maxDistanceKm()) {
                double needed = Math.ceil(km);
                out.add(new Exclusion(this, String.format(DANISH,
                        "Arbejdsstedet ligger %.1f km væk; borgeren kan højst pendle %.0f km", km, c.maxDistanceKm()),
                        String.format(DANISH, "Borgeren kan pendle %.0f km", needed), needed));
            }
        }
    },

    /** The posting's minimum hours are within the citizen's maximum, or it offers a gradual start. */
    TOO_MANY_HOURS {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (!hoursFit(c, p)) {
                out.add(new Exclusion(this, "Opslaget kræver mindst " + p.hoursMin()
                        + " timer om ugen; borgeren kan højst " + c.maxHoursPerWeek(),
                        "Borgeren kan arbejde " + p.hoursMin()
                                + " timer om ugen, eller virksomheden tilbyder gradvis opstart",
                        (double) p.hoursMin()));
            }
        }
    },

    /** A physical demand the citizen's health limitations rule out; one exclusion per demand. */
    PHYSICAL_DEMAND {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            for (PhysicalDemand demand : p.physicalDemands()) {
                if (c.excludedDemands().contains(demand)) {
                    out.add(new Exclusion(this, "Jobbet indebærer " + demandDa(demand) + ", som borgeren ikke kan",
                            "Virksomheden kan tage skånehensyn, så jobbet er uden " + demandDa(demand)));
                }
            }
        }
    },

    /** A required driving licence. */
    DRIVING_LICENCE {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (p.drivingLicenceRequired() && !c.hasDrivingLicence()) {
                out.add(new Exclusion(this, "Jobbet kræver kørekort", "Borgeren får kørekort"));
            }
        }
    },

    /** Every language requirement met at its level or above; one exclusion per requirement not met. */
    LANGUAGE {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            for (LanguageSkill required : p.languageRequirements()) {
                LanguageLevel level = c.languages().get(required.language());
                if (level == null || !level.meets(required.level())) {
                    out.add(new Exclusion(this, "Jobbet kræver sproget '" + required.language()
                            + "' på niveau " + required.level() + (level == null ? "" : "; borgeren har " + level),
                            "Borgeren når niveau " + required.level() + " i '" + required.language() + "'"));
                }
            }
        }
    },

    /** The ratio rule (rimelighedskravet): an employer without headroom gets no new placements; ordinary jobs stay. */
    NO_CAPACITY {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            if (p.kind() != PostingKind.ORDINARY_JOB && c.employersWithoutCapacity().contains(p.employerId())) {
                out.add(new Exclusion(this,
                        "Virksomheden har ikke plads til flere i praktik eller løntilskud (rimelighedskravet)",
                        "Virksomheden får flere ordinært ansatte, eller en praktik- eller løntilskudsplads bliver ledig"));
            }
        }
    },

    /** A consultant's judgement that an employer or an occupation is not for the citizen, with its reason. */
    NOT_FOR_CITIZEN {
        @Override
        void check(MatchCriteria c, PostingFacts p, List<Exclusion> out) {
            String employerReason = c.notForEmployers().get(p.employerId());
            if (employerReason != null) {
                out.add(new Exclusion(this,
                        "Konsulenten har vurderet, at virksomheden ikke er for borgeren: " + employerReason,
                        "Konsulenten fjerner vurderingen"));
            }
            String occupationReason = c.notForOccupations().get(p.occupationCode());
            if (occupationReason != null) {
                out.add(new Exclusion(this,
                        "Konsulenten har vurderet, at stillingen ikke er for borgeren: " + occupationReason,
                        "Konsulenten fjerner vurderingen"));
            }
        }
    };

    /** Danish texts write numbers with a decimal comma. */
    static final Locale DANISH = Locale.of("da", "DK");

    /** Adds to {@code out} each way the posting breaks this rule for these criteria; nothing when it keeps it. */
    abstract void check(MatchCriteria c, PostingFacts p, List<Exclusion> out);

    /** Whether the posting keeps this rule for these criteria. */
    public boolean allows(MatchCriteria c, PostingFacts p) {
        List<Exclusion> out = new ArrayList<>(1);
        check(c, p, out);
        return out.isEmpty();
    }

    /** Hours fit when the posting's minimum is within the citizen's maximum, or a gradual start is offered. */
    static boolean hoursFit(MatchCriteria c, PostingFacts p) {
        return p.hoursMin() <= c.maxHoursPerWeek() || p.supportOffered().contains(SupportKind.GRADUAL_START);
    }

    static String kindDa(PostingKind kind) {
        return switch (kind) {
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
