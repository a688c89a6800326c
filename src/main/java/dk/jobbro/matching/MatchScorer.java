package dk.jobbro.matching;

import dk.jobbro.vocabulary.SupportKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Scores a posting for a citizen as a sum of named components, and explains the score with the same numbers.
 * Plain Java: no index, no database. The index only narrows and pre-ranks the candidates this scorer ranks.
 */
public final class MatchScorer {

    static final double DESIRED_SKILL_SHARE = 0.5;

    private MatchScorer() {
    }

    /** The score alone, for ranking. Cheap: no allocation beyond the boxed sets it reads. */
    public static double score(MatchCriteria c, PostingFacts p, float textScore, boolean activityReady) {
        ScoringWeights w = c.weights();
        double km = c.home().distanceKm(p.location());
        return w.skills() * skillValue(c, p)
                + w.occupation() * occupationValue(c, p.occupationCode())
                + w.text() * textValue(textScore)
                + w.distance() * distanceValue(km, w.distancePivotKm())
                + w.hours() * hoursValue(c, p)
                + supportWeight(w, activityReady) * supportValue(c, p);
    }

    /** The full explanation; its {@code score} equals {@link #score} for the same input. */
    public static MatchExplanation explain(MatchCriteria c, PostingFacts p, float textScore, boolean activityReady,
                                           UnaryOperator<String> skillLabel) {
        ScoringWeights w = c.weights();
        double km = c.home().distanceKm(p.location());
        List<MatchExplanation.SkillMatch> matched = new ArrayList<>();
        List<MatchExplanation.SkillMatch> missing = new ArrayList<>();
        for (String s : p.requiredSkills()) {
            var m = new MatchExplanation.SkillMatch(s, skillLabel.apply(s), true);
            (c.skills().contains(s) ? matched : missing).add(m);
        }
        for (String s : p.desiredSkills()) {
            if (c.skills().contains(s)) {
                matched.add(new MatchExplanation.SkillMatch(s, skillLabel.apply(s), false));
            }
        }
        List<SupportKind> needed = c.supportNeeds().stream().sorted().toList();
        List<SupportKind> offered = needed.stream().filter(p.supportOffered()::contains).toList();
        List<SupportKind> lacking = needed.stream().filter(s -> !p.supportOffered().contains(s)).toList();
        double occupation = occupationValue(c, p.occupationCode());
        String hoursText = p.hoursMin() <= c.maxHoursPerWeek()
                ? "Timetallet passer (" + p.hoursMin() + "-" + p.hoursMax() + " t/uge; borgeren højst " + c.maxHoursPerWeek() + ")"
                : "Kræver " + p.hoursMin() + " t/uge, men opslaget tilbyder gradvis opstart";
        List<ScoreComponent> components = List.of(
                ScoreComponent.of("skills", skillValue(c, p), w.skills(),
                        "Kompetencer: " + matched.size() + " matcher, " + missing.size() + " væsentlige mangler"),
                ScoreComponent.of("occupation", occupation, w.occupation(), occupationText(c, p.occupationCode())),
                ScoreComponent.of("text", textValue(textScore), w.text(), "Tekstrelevans for ønskede og tidligere stillinger"),
                ScoreComponent.of("distance", distanceValue(km, w.distancePivotKm()), w.distance(),
                        String.format(Locale.ROOT, "Afstand %.1f km hjemmefra", km)),
                ScoreComponent.of("hours", hoursValue(c, p), w.hours(), hoursText),
                ScoreComponent.of("support", supportValue(c, p), supportWeight(w, activityReady),
                        needed.isEmpty() ? "Borgeren har ikke behov for særlig støtte"
                                : "Støtte: " + offered.size() + " af " + needed.size() + " behov dækkes"));
        double score = ScoreComponent.round(score(c, p, textScore, activityReady));
        String summary = String.format(Locale.ROOT, "%s hos %s, %.1f km væk. %s. %s.", p.title(), p.employerName(), km,
                components.get(0).text(), components.get(1).text());
        List<String> notes = new ArrayList<>();
        if (p.kind() == dk.jobbro.posting.PostingKind.INTERNSHIP) {
            notes.add(c.internshipMaxWeeks() == null ? "Praktik: ingen fast længstegrænse for borgerens målgruppe"
                    : "Praktik: højst " + c.internshipMaxWeeks() + " uger for borgerens målgruppe");
        }
        if (p.hoursMin() > c.maxHoursPerWeek()) {
            notes.add("Forudsætter gradvis opstart med stigende timetal");
        }
        return new MatchExplanation(score, components, matched, missing, ScoreComponent.round(km), hoursText,
                new MatchExplanation.SupportFit(needed, offered, lacking), summary, List.copyOf(notes), w.version());
    }

    /** Share of the posting's skills the citizen has; desired skills count half as much as required ones. */
    static double skillValue(MatchCriteria c, PostingFacts p) {
        double total = p.requiredSkills().size() + DESIRED_SKILL_SHARE * p.desiredSkills().size();
        if (total == 0) {
            return 0;
        }
        double have = 0;
        for (String s : p.requiredSkills()) {
            if (c.skills().contains(s)) {
                have += 1;
            }
        }
        for (String s : p.desiredSkills()) {
            if (c.skills().contains(s)) {
                have += DESIRED_SKILL_SHARE;
            }
        }
        return have / total;
    }

    /** Wanted occupations weigh more than held ones: the citizen's own wish predicts success best. */
    static double occupationValue(MatchCriteria c, String code) {
        double best = 0;
        for (String wanted : c.occupationsWanted()) {
            best = Math.max(best, sameness(wanted, code) * 1.0);
        }
        for (String held : c.occupationsHeld()) {
            best = Math.max(best, sameness(held, code) * 0.8);
        }
        return best;
    }

    /** 1 for the same occupation, 0.6 for the same ISCO unit group, 0.3 for the same minor group. */
    static double sameness(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        if (a.length() >= 4 && b.length() >= 4 && a.regionMatches(0, b, 0, 4)) {
            return 0.6;
        }
        if (a.length() >= 3 && b.length() >= 3 && a.regionMatches(0, b, 0, 3)) {
            return 0.3;
        }
        return 0;
    }

    /** BM25 is unbounded; s/(s+2) maps it into [0, 1) and saturates so text never dominates. */
    static double textValue(float textScore) {
        return textScore <= 0 ? 0 : textScore / (textScore + 2.0);
    }

    static double distanceValue(double km, double pivotKm) {
        return pivotKm / (pivotKm + km);
    }

    static double hoursValue(MatchCriteria c, PostingFacts p) {
        return p.hoursMin() <= c.maxHoursPerWeek() ? 1.0 : 0.5;
    }

    /** Share of the citizen's support needs the posting offers; 0 when nothing is needed (never a penalty). */
    static double supportValue(MatchCriteria c, PostingFacts p) {
        if (c.supportNeeds().isEmpty()) {
            return 0;
        }
        int covered = 0;
        for (SupportKind need : c.supportNeeds()) {
            if (p.supportOffered().contains(need)) {
                covered++;
            }
        }
        return (double) covered / c.supportNeeds().size();
    }

    static double supportWeight(ScoringWeights w, boolean activityReady) {
        return activityReady ? w.support() * w.activityReadySupportMultiplier() : w.support();
    }

    private static String occupationText(MatchCriteria c, String code) {
        for (String wanted : c.occupationsWanted()) {
            if (wanted.equals(code)) {
                return "Borgeren ønsker denne stilling";
            }
        }
        for (String held : c.occupationsHeld()) {
            if (held.equals(code)) {
                return "Borgeren har erfaring fra denne stilling";
            }
        }
        double v = occupationValue(c, code);
        if (v >= 0.48) {
            return "Beslægtet med ønsket eller tidligere stilling (samme faggruppe)";
        }
        return v > 0 ? "Fjernt beslægtet med borgerens stillinger" : "Ikke en af borgerens stillinger";
    }
}
