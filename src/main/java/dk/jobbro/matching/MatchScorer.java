package dk.jobbro.matching;

import dk.jobbro.vocabulary.SupportKind;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Scores a posting for a citizen as a sum of named components, and explains the score with the same numbers.
 * Plain Java: no index, no database. The index narrows to the eligible postings; {@link ExactTopK} finds the top k
 * of them by this score, and its fast path is held equal to {@link #score} by ExactTopKTest.
 */
public final class MatchScorer {

    private MatchScorer() {
    }

    /** The score alone, for ranking. Cheap: no allocation beyond the boxed sets it reads. */
    public static double score(MatchCriteria c, PostingFacts p, float textScore, boolean activityReady) {
        ScoringWeights w = c.weights();
        double km = c.home().distanceKm(p.location());
        return w.skills() * skillValue(c, p)
                + w.occupation() * occupationValue(c, p.occupationCode())
                + w.experience() * experienceValue(c, p.occupationCode())
                + w.text() * textValue(textScore, w)
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
            if (c.skills().contains(s) && !p.requiredSkills().contains(s)) {
                matched.add(new MatchExplanation.SkillMatch(s, skillLabel.apply(s), false));
            }
        }
        int typical = 0;
        for (String s : p.occupationSkills()) {
            if (c.skills().contains(s)) {
                matched.add(new MatchExplanation.SkillMatch(s, skillLabel.apply(s), false));
                typical++;
            }
        }
        List<SupportKind> needed = c.supportNeeds().stream().sorted().toList();
        List<SupportKind> offered = needed.stream().filter(p.supportOffered()::contains).toList();
        List<SupportKind> lacking = needed.stream().filter(s -> !p.supportOffered().contains(s)).toList();
        String hoursText = p.hoursMin() <= c.maxHoursPerWeek()
                ? "Timetallet passer (" + p.hoursMin() + "-" + p.hoursMax() + " t/uge; borgeren højst " + c.maxHoursPerWeek() + ")"
                : "Kræver " + p.hoursMin() + " t/uge, men opslaget tilbyder gradvis opstart";
        List<ScoreComponent> numbers = components(c, p, textScore, activityReady);
        List<ScoreComponent> components = List.of(
                numbers.get(0).withText("Kompetencer: " + matched.size() + " matcher"
                        + (typical == 0 ? "" : " (heraf " + typical + " typisk for faget, ikke nævnt i opslaget)")
                        + ", " + missing.size()
                        + (missing.size() == 1 ? " væsentlig mangler" : " væsentlige mangler")
                        + " (sjældne kompetencer vejer mest)"),
                numbers.get(1).withText(occupationText(c, p.occupationCode())),
                numbers.get(2).withText(experienceText(c, p.occupationCode())),
                numbers.get(3).withText("Tekstrelevans for ønskede stillinger"),
                numbers.get(4).withText(String.format(HardRule.DANISH, "Afstand %.1f km hjemmefra", km)),
                numbers.get(5).withText(hoursText),
                numbers.get(6).withText(needed.isEmpty() ? "Borgeren har ikke behov for særlig støtte"
                        : "Støtte: " + offered.size() + " af " + needed.size() + " behov dækkes"));
        double score = ScoreComponent.round(score(c, p, textScore, activityReady));
        String summary = String.format(HardRule.DANISH, "%s hos %s, %.1f km væk. %s. %s.", p.title(), p.employerName(), km,
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

    /**
     * The score's components, names and numbers, in the order they sum, each with an empty text: what
     * {@link #explain} shows with its Danish texts, without building them (the nightly run stores only the numbers,
     * for 30 postings of each of 300,000 citizens).
     */
    public static List<ScoreComponent> components(MatchCriteria c, PostingFacts p, float textScore,
                                                  boolean activityReady) {
        ScoringWeights w = c.weights();
        double km = c.home().distanceKm(p.location());
        return List.of(
                ScoreComponent.of("skills", skillValue(c, p), w.skills(), ""),
                ScoreComponent.of("occupation", occupationValue(c, p.occupationCode()), w.occupation(), ""),
                ScoreComponent.of("experience", experienceValue(c, p.occupationCode()), w.experience(), ""),
                ScoreComponent.of("text", textValue(textScore, w), w.text(), ""),
                ScoreComponent.of("distance", distanceValue(km, w.distancePivotKm()), w.distance(), ""),
                ScoreComponent.of("hours", hoursValue(c, p), w.hours(), ""),
                ScoreComponent.of("support", supportValue(c, p), supportWeight(w, activityReady), ""));
    }

    /**
     * The cosine of the citizen's and the posting's IDF-weighted skill sets, in [0, 1]: each skill weighs its IDF
     * over the open postings (a desired skill {@code skillDesiredShare} of that), so rare skills discriminate; the
     * posting's vector length divides, so a short posting does not win by listing little, nor a long one by listing
     * much; a skill listed both required and desired counts once, as required. The occupation's essential skills
     * the posting does not name count as a third list, at its own share ({@code skillOccupationShare}).
     */
    static double skillValue(MatchCriteria c, PostingFacts p) {
        if (c.skillNorm() == 0) {
            return 0;
        }
        double share = c.weights().skillDesiredShare();
        double dot = 0;
        double postingNorm = 0;
        for (String s : p.requiredSkills()) {
            double idf = c.skillRarity().idf(s);
            postingNorm += idf * idf;
            if (c.skills().contains(s)) {
                dot += idf * idf;
            }
        }
        for (String s : p.desiredSkills()) {
            if (p.requiredSkills().contains(s)) {
                continue;
            }
            double idf = c.skillRarity().idf(s);
            postingNorm += share * idf * share * idf;
            if (c.skills().contains(s)) {
                dot += share * idf * idf;
            }
        }
        double typical = c.weights().skillOccupationShare();
        for (String s : p.occupationSkills()) {
            double idf = c.skillRarity().idf(s);
            postingNorm += typical * idf * typical * idf;
            if (c.skills().contains(s)) {
                dot += typical * idf * idf;
            }
        }
        return postingNorm == 0 ? 0 : dot / (Math.sqrt(postingNorm) * c.skillNorm());
    }

    /** The goal: the best of the citizen's wanted occupations; 1 for the same, less for the same ISCO group. */
    static double occupationValue(MatchCriteria c, String code) {
        ScoringWeights w = c.weights();
        double best = 0;
        for (String wanted : c.occupationsWanted()) {
            best = Math.max(best, sameness(wanted, code, 1.0, w.occupationSameUnitGroup(),
                    w.occupationSameMinorGroup()));
        }
        return best;
    }

    /** Evidence: the best of the held occupations. It weighs less than a wish and barely favours the old job. */
    static double experienceValue(MatchCriteria c, String code) {
        ScoringWeights w = c.weights();
        double best = 0;
        for (String held : c.occupationsHeld()) {
            best = Math.max(best, sameness(held, code, w.experienceSameOccupation(), w.experienceSameUnitGroup(),
                    w.experienceSameMinorGroup()));
        }
        return best;
    }

    /** {@code same} for the same code, {@code unit} for the same ISCO unit group (4 digits), {@code minor} for 3. */
    public static double sameness(String a, String b, double same, double unit, double minor) {
        if (a.equals(b)) {
            return same;
        }
        if (sameGroup(a, b, 4)) {
            return unit;
        }
        return sameGroup(a, b, 3) ? minor : 0;
    }

    static boolean sameGroup(String a, String b, int digits) {
        return a.length() >= digits && b.length() >= digits && a.regionMatches(0, b, 0, digits);
    }

    /** BM25 is unbounded; s/(s+saturation) maps it into [0, 1) and saturates so text never dominates. */
    static double textValue(float textScore, ScoringWeights w) {
        return textScore <= 0 ? 0 : textScore / (textScore + w.textSaturation());
    }

    static double distanceValue(double km, double pivotKm) {
        return pivotKm / (pivotKm + km);
    }

    static double hoursValue(MatchCriteria c, PostingFacts p) {
        return p.hoursMin() <= c.maxHoursPerWeek() ? 1.0 : c.weights().hoursGradualStart();
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
        if (c.occupationsWanted().contains(code)) {
            return "Borgeren ønsker denne stilling";
        }
        if (c.occupationsWanted().stream().anyMatch(w -> sameGroup(w, code, 4))) {
            return "Beslægtet med en ønsket stilling (samme faggruppe)";
        }
        if (c.occupationsWanted().stream().anyMatch(w -> sameGroup(w, code, 3))) {
            return "Fjernt beslægtet med en ønsket stilling";
        }
        return c.occupationsWanted().isEmpty() ? "Borgeren har ikke angivet ønskede stillinger"
                : "Ikke en af borgerens ønskede stillinger";
    }

    private static String experienceText(MatchCriteria c, String code) {
        if (c.occupationsHeld().contains(code)) {
            return "Borgeren har erfaring fra denne stilling";
        }
        if (c.occupationsHeld().stream().anyMatch(h -> sameGroup(h, code, 4))) {
            return "Borgeren har erfaring fra samme faggruppe";
        }
        if (c.occupationsHeld().stream().anyMatch(h -> sameGroup(h, code, 3))) {
            return "Borgeren har erfaring fra en beslægtet faggruppe";
        }
        return "Ingen erfaring fra beslægtede stillinger";
    }
}
