package dk.jobbro.pages;

import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.flagging.Intervention;
import dk.jobbro.flagging.Urgency;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.vocabulary.SupportKind;

import java.util.Locale;

/** The words the pages show for the domain's values. */
public final class Danish {

    private Danish() {
    }

    public static String kind(PostingKind kind) {
        return switch (kind) {
            case ORDINARY_JOB -> "Ordinært job";
            case INTERNSHIP -> "Virksomhedspraktik";
            case WAGE_SUBSIDY -> "Løntilskud";
        };
    }

    /** A plain line on what the kind is and the default limits (config/eligibility.yml holds the figures used). */
    public static String kindExplained(PostingKind kind) {
        return switch (kind) {
            case ORDINARY_JOB -> "Et almindeligt lønnet job på fuld tid eller deltid.";
            case INTERNSHIP -> "Ulønnet praktik: borgeren beholder sin ydelse og afklarer eller styrker sine"
                    + " kompetencer med henblik på job. Normalt højst 4 uger for forsikrede ledige og jobparate,"
                    + " op til 13 uger for aktivitetsparate (kan forlænges til 26); ingen fast grænse for sygemeldte.";
            case WAGE_SUBSIDY -> "Ansættelse med løntilskud: kommunen betaler en del af lønnen. Offentlige"
                    + " arbejdsgivere typisk nogle måneder, private længere; målgruppen afgør, hvem der kan ansættes.";
        };
    }

    public static String status(PostingStatus status) {
        return switch (status) {
            case DRAFT -> "Kladde";
            case OPEN -> "Åben";
            case FILLED -> "Besat";
            case CLOSED -> "Lukket";
            case EXPIRED -> "Udløbet";
        };
    }

    public static String targetGroup(TargetGroup group) {
        return switch (group) {
            case INSURED_UNEMPLOYED -> "Dagpengemodtager";
            case CASH_BENEFIT_JOB_READY -> "Kontanthjælp, jobparat";
            case CASH_BENEFIT_ACTIVITY_READY -> "Kontanthjælp, aktivitetsparat";
            case EDUCATION_BENEFIT_EDUCATION_READY -> "Uddannelseshjælp, uddannelsesparat";
            case EDUCATION_BENEFIT_ACTIVITY_READY -> "Uddannelseshjælp, aktivitetsparat";
            case SICKNESS_BENEFIT -> "Sygedagpenge";
            case JOB_CLARIFICATION -> "Jobafklaringsforløb";
            case RESOURCE_PROGRAMME -> "Ressourceforløb";
            case FLEXIBLE_JOB -> "Visiteret til fleksjob";
        };
    }

    public static String urgency(Urgency urgency) {
        return switch (urgency) {
            case ACUTE -> "Akut";
            case HIGH -> "Høj";
            case NORMAL -> "Normal";
        };
    }

    public static String intervention(Intervention help) {
        return switch (help) {
            case HOUSING_SUPPORT -> "boligstøtte";
            case ADDICTION_TREATMENT -> "misbrugsbehandling";
            case MENTAL_HEALTH_TREATMENT -> "psykiatrisk behandling";
            case DEBT_COUNSELLING -> "gældsrådgivning";
            case SUPPORT_PERSON -> "støtteperson";
            case MENTOR -> "mentor";
            case COORDINATED_RESOURCE_PROGRAMME -> "koordineret ressourceforløb";
        };
    }

    public static String support(SupportKind kind) {
        return switch (kind.name()) {
            case "MENTOR" -> "Mentor";
            case "GRADUAL_START" -> "Gradvis opstart";
            case "QUIET_WORKPLACE" -> "Rolig arbejdsplads";
            case "FLEXIBLE_HOURS" -> "Fleksible arbejdstider";
            case "PHYSICAL_ACCOMMODATION" -> "Fysisk indretning";
            case "SUPERVISOR_TIME" -> "Leder med tid";
            case "LANGUAGE_SUPPORT" -> "Sprogstøtte";
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** Points with a decimal comma, as Danish readers expect. */
    public static String points(double points) {
        return String.format(Locale.forLanguageTag("da-DK"), "%.1f", points);
    }

    /** A figure with one decimal and a decimal comma (km). */
    public static String decimal(double value) {
        return String.format(Locale.forLanguageTag("da-DK"), "%.1f", value);
    }

    /** "X findes ikke i klassifikationen", with the nearest names as a question when there are any. */
    public static String unknownName(String what, java.util.List<dk.jobbro.web.Problem.Suggestion> near) {
        if (near == null || near.isEmpty()) {
            return what + " findes ikke i klassifikationen, og intet navn ligner.";
        }
        java.util.List<String> labels = near.stream().map(dk.jobbro.web.Problem.Suggestion::label).toList();
        String list = labels.size() == 1 ? labels.get(0)
                : String.join(", ", labels.subList(0, labels.size() - 1)) + " eller " + labels.get(labels.size() - 1);
        return what + " findes ikke i klassifikationen. Mente du " + list + "?";
    }
}
