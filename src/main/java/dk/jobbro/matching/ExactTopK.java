package dk.jobbro.matching;

import dk.jobbro.geo.GeoPoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The top k of every eligible posting by {@link MatchScorer#score}, exactly, for one search: the index offers the
 * postings that pass the hard rules, in any order, and this keeps the best; it may leave out only those that
 * {@link #mayEnter} says cannot enter.
 *
 * <p>Each offer computes the score with the scorer's own component functions from {@link PostingVector}'s int ids
 * (a bit set of the citizen's skills, IDF and occupation values read once per search), in the scorer's order of
 * summation, so it is the same double (held equal by {@code ExactTopKTest}). Most offers stop early: once k
 * postings are held, a posting whose points so far plus the most its remaining components can add (each value is
 * at most 1) cannot reach the k-th score is dropped before its skills, text or distance are computed. A scan may
 * also pass over whole groups of postings without offering them: those of an occupation unrelated to the
 * citizen's ({@link #docsToOfferFirst}) score at most {@link #boundOfOthers}, and once {@link #mayEnter} says the
 * k-th score is out of that reach none of them can enter.
 *
 * <p>Proof of exactness, with f the score computed here: every posting whose f lies within {@link #SLACK} of the
 * k-th best f is kept, then all kept postings are scored again with {@link MatchScorer#score} and sorted with ties to
 * the lower id. A posting not kept has f below the k-th best f minus the slack, so k kept postings score strictly
 * higher: it cannot be in the top k. The slack covers the last-bit difference between a bound summed in another
 * order and the score.
 *
 * <p>The IDF of a skill is read from {@code criteria.skillRarity()} once per search; that rarity must not change
 * during the search (the index hands out a snapshot). Not thread-safe: one per search.
 */
public final class ExactTopK {

    /** Scores are sums of a few components of at most ~5 points: far above rounding, far below any real gap. */
    static final double SLACK = 1e-9;
    /** When the kept list reaches this size it is thinned to the postings still within the slack. */
    private static final int COMPACT_AT = 4_096;

    /** The text relevance of the posting being offered, computed only when the posting gets that far. */
    @FunctionalInterface
    public interface TextScore {
        float current();
    }

    /** A posting of the result: its facts, its text relevance and its score as {@link MatchScorer#score} gives it. */
    public record Scored(PostingFacts facts, float textScore, double score) {
    }

    private record Kept(PostingVector vector, float textScore, double score) {
    }

    private final MatchCriteria c;
    private final ScoringWeights w;
    private final boolean activityReady;
    private final int k;
    private final double supportWeight;
    /** The citizen's support needs as {@link PostingVector#supportBits}, and how many: the support value is a share. */
    private final int supportNeeds;
    private final int supportNeedCount;
    private final double homeLatitudeRadians;
    private final double homeCosLatitude;
    private final CodeIds ids;
    private final int[] citizenSkillIds;
    /** The IDF² of each of {@link #citizenSkillIds}, for the bound on the cosine before a vector is read. */
    private final double[] citizenIdfSquares;
    private final long[] citizenSkills;
    private double[] idf;
    private double[] occupationValues;
    private double[] experienceValues;
    /** A min-heap of the k best scores so far; {@link #threshold} is its root once full. */
    private final double[] best;
    private int held;
    private double threshold = Double.NEGATIVE_INFINITY;
    private final List<Kept> kept = new ArrayList<>();
    private int offered;
    private int found;
    private int scoredFully;

    public ExactTopK(MatchCriteria criteria, boolean activityReady, int k, CodeIds ids) {
        this.c = criteria;
        this.w = criteria.weights();
        this.activityReady = activityReady;
        this.k = Math.max(0, k);
        this.supportWeight = MatchScorer.supportWeight(w, activityReady);
        this.supportNeeds = PostingVector.supportBits(criteria.supportNeeds());
        this.supportNeedCount = criteria.supportNeeds().size();
        this.homeLatitudeRadians = Math.toRadians(criteria.home().latitude());
        this.homeCosLatitude = Math.cos(homeLatitudeRadians);
        this.ids = ids;
        int[] skillIds = criteria.skills().stream().mapToInt(ids::skill).toArray();
        this.citizenSkillIds = skillIds;
        this.citizenSkills = new long[(ids.skillCount() >> 6) + 1];
        for (int id : skillIds) {
            citizenSkills[id >> 6] |= 1L << id;
        }
        this.idf = new double[ids.skillCount()];
        this.citizenIdfSquares = new double[skillIds.length];
        for (int i = 0; i < skillIds.length; i++) {
            double x = idf(skillIds[i], ids.skillCode(skillIds[i]));
            citizenIdfSquares[i] = x * x;
        }
        this.occupationValues = nans(ids.occupationCount());
        this.experienceValues = nans(ids.occupationCount());
        this.best = new double[this.k];
    }

    /**
     * The docs of a segment that share a skill with the citizen (bit {@code doc} set), to offer them with
     * {@link #offer(PostingVector, boolean, TextScore)}.
     */
    public long[] docsSharingASkill(SkillPostings segment) {
        return segment.docsListingAnyOf(citizenSkillIds);
    }

    /**
     * The docs of a segment to offer before any other, bit {@code doc} set: those whose occupation is one the
     * citizen wants or has held or of its ISCO group (an occupation or experience value above 0), those that share a
     * skill but list one twice (their skill value has no bound of 1), and those without a vector. Every other posting
     * scores at most {@link #boundOfOthers}. {@code sharesASkill} is {@link #docsSharingASkill} of the segment.
     */
    public long[] docsToOfferFirst(long[] sharesASkill, OccupationPostings occupations, PostingVector.Columns columns) {
        long[] first = occupations.docsWhere(
                o -> w.occupation() * occupationValue(o) + w.experience() * experienceValue(o) > 0);
        for (int i = 0; i < first.length; i++) {
            first[i] |= columns.withoutVector[i] | (sharesASkill[i] & ~columns.distinctSkills[i]);
        }
        return first;
    }

    /** The docs of a segment that offer at least one of the citizen's support needs, bit {@code doc} set. */
    public long[] docsOfferingANeed(PostingVector.Columns columns) {
        long[] bits = new long[columns.withoutVector.length];
        for (int kind = 0; kind < columns.offering.length; kind++) {
            if ((supportNeeds & (1 << kind)) != 0) {
                long[] offering = columns.offering[kind];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] |= offering[i];
                }
            }
        }
        return bits;
    }

    /**
     * The most a posting can score that is not in {@link #docsToOfferFirst}: its occupation and experience values
     * are 0; its skill value is at most 1 (distinct skills) if it shares a skill, else 0; text, distance and hours
     * at most 1 each; its support value at most 1 if it offers one of the citizen's needs, else 0.
     */
    public double boundOfOthers(boolean sharesASkill, boolean offersANeed) {
        return (sharesASkill ? w.skills() : 0) + w.text() + w.distance() + w.hours()
                + (offersANeed && supportNeedCount > 0 ? supportWeight : 0);
    }

    /**
     * Whether a posting whose score is at most {@code bound} may still enter the top k: false once k postings are
     * held and the k-th score is more than {@link #SLACK} above it, the test {@link #offer} applies to each posting's
     * own bound. A scan may then pass over every posting under that bound without offering it.
     */
    public boolean mayEnter(double bound) {
        return bound >= threshold - SLACK;
    }

    /** Offers an eligible posting. Allocation-free unless the posting enters the top k. */
    public void offer(PostingVector v, TextScore text) {
        offer(v, sharesASkill(v), text);
    }

    /**
     * Offers an eligible posting whose sharing of a skill with the citizen is known ({@link #docsSharingASkill}):
     * {@code sharesASkill} false must mean that the posting lists none of the citizen's skills.
     */
    public void offer(PostingVector v, boolean sharesASkill, TextScore text) {
        offer(v, null, 0, v.occupation, v.hoursMin, v.supportOffered, v.distinctSkills, v.latitude, v.longitude,
                v.cosLatitude, sharesASkill, text);
    }

    /**
     * Offers the eligible document {@code doc} of a segment, its vector {@code v}, with the first bounds' fields read
     * from the segment's {@link PostingVector.Columns}: the vector itself is read only if the posting gets past them.
     */
    public void offer(PostingVector.Columns at, SkillPostings listed, int doc, PostingVector v, boolean sharesASkill,
                      TextScore text) {
        offer(v, listed, doc, at.occupation[doc], at.hoursMin[doc], at.supportOffered[doc],
                (at.distinctSkills[doc >> 6] & (1L << doc)) != 0, at.latitude[doc], at.longitude[doc],
                at.cosLatitude[doc], sharesASkill, text);
    }

    private void offer(PostingVector v, SkillPostings listed, int doc, int occupationId, int hoursMin,
                       int supportOffered, boolean distinctSkills,
                       double latitude, double longitude, double cosLatitude, boolean sharesASkill,
                       TextScore text) {
        offered++;
        if (k == 0) {
            return;
        }
        double occupation = occupationValue(occupationId);
        double experience = experienceValue(occupationId);
        double hours = hoursValue(hoursMin);
        double support = supportValue(supportOffered);
        double known = w.occupation() * occupation + w.experience() * experience + w.hours() * hours
                + supportWeight * support;
        double floor = threshold - SLACK;
        double skillBound = distinctSkills ? w.skills() : Double.POSITIVE_INFINITY;
        if (known + skillBound + w.text() + w.distance() < floor) {
            return;
        }
        // A bound on distance (no trigonometry) and on the cosine from the skills the posting is listed under come
        // before the skills from the vector (reading it is most of the cost of a posting that gets that far). Most
        // postings share no skill with the citizen: then the skill value is 0, known before any IDF is read. The
        // text relevance, which advances a scorer per text clause, and the exact distance (a haversine) come last.
        double distanceBound = w.distance() * distanceValueBound(latitude, longitude, cosLatitude);
        if (sharesASkill && distinctSkills && listed != null
                && known + w.skills() * cosineBound(listed, doc) + w.text() + distanceBound < floor) {
            return;
        }
        double skills = sharesASkill ? skillValue(v) : 0;
        if (known + w.skills() * skills + w.text() + distanceBound < floor) {
            return;
        }
        float textScore = text.current();
        double textValue = MatchScorer.textValue(textScore, w);
        if (known + w.skills() * skills + w.text() * textValue + distanceBound < floor) {
            return;
        }
        scoredFully++;
        PostingFacts p = v.facts();
        double km = c.home().distanceKm(p.location());
        // The order of MatchScorer.score, term by term: the same double.
        double score = w.skills() * skills
                + w.occupation() * occupation
                + w.experience() * experience
                + w.text() * textValue
                + w.distance() * MatchScorer.distanceValue(km, w.distancePivotKm())
                + w.hours() * hours
                + supportWeight * support;
        if (score < floor) {
            return;
        }
        push(score);
        kept.add(new Kept(v, textScore, score));
        if (kept.size() >= COMPACT_AT) {
            double keep = threshold - SLACK;
            kept.removeIf(x -> x.score() < keep);
        }
    }

    /** The top k, best first, ties to the lower posting id, each scored by {@link MatchScorer#score} itself. */
    public List<Scored> result() {
        double keep = threshold - SLACK;
        List<Scored> out = new ArrayList<>();
        for (Kept x : kept) {
            if (x.score() >= keep) {
                PostingFacts p = x.vector().facts();
                out.add(new Scored(p, x.textScore(), MatchScorer.score(c, p, x.textScore(), activityReady)));
            }
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingLong(s -> s.facts().id()));
        return out.size() > k ? List.copyOf(out.subList(0, k)) : out;
    }

    /** Records {@code n} more eligible postings found by the scan, offered or not. */
    public void found(int n) {
        found += n;
    }

    /** Eligible postings the scan found ({@link #found}): those offered and those it passed over. */
    public int eligible() {
        return found;
    }

    /** Postings offered, and how many of them were scored to the end (the rest could not enter the top k). */
    public int offered() {
        return offered;
    }

    public int scoredFully() {
        return scoredFully;
    }

    /** The score of one posting as this computes it (for the test that holds it equal to MatchScorer.score). */
    public double score(PostingVector v, float textScore) {
        double km = c.home().distanceKm(v.facts().location());
        return w.skills() * skillValue(v)
                + w.occupation() * occupationValue(v.occupation)
                + w.experience() * experienceValue(v.occupation)
                + w.text() * MatchScorer.textValue(textScore, w)
                + w.distance() * MatchScorer.distanceValue(km, w.distancePivotKm())
                + w.hours() * hoursValue(v.hoursMin)
                + supportWeight * supportValue(v.supportOffered);
    }

    private void push(double score) {
        if (held < k) {
            best[held++] = score;
            siftUp(held - 1);
            if (held == k) {
                threshold = best[0];
            }
        } else if (score > best[0]) {
            best[0] = score;
            siftDown();
            threshold = best[0];
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (best[parent] <= best[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown() {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int min = i;
            if (l < held && best[l] < best[min]) {
                min = l;
            }
            if (r < held && best[r] < best[min]) {
                min = r;
            }
            if (min == i) {
                return;
            }
            swap(i, min);
            i = min;
        }
    }

    private void swap(int a, int b) {
        double t = best[a];
        best[a] = best[b];
        best[b] = t;
    }

    /**
     * At least {@link MatchScorer#distanceValue} of the posting's distance from home, without a sine or an arcsine:
     * the haversine distance is 2R asin(sqrt(h)) with h = sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2), asin x ≥ x and
     * sin x ≥ x - x³/6 for 0 ≤ x ≤ 1, so 2R sqrt(h') with those lower terms is at most the distance, and
     * pivot / (pivot + that) at least the value. Under 0.01 % loose within 200 km; the last-bit rounding of either
     * side is far inside {@link #SLACK}.
     */
    private double distanceValueBound(double latitude, double longitude, double cosLatitude) {
        double halfDLat = Math.abs(Math.toRadians(latitude) - homeLatitudeRadians) / 2;
        double halfDLon = Math.abs(Math.toRadians(longitude - c.home().longitude())) / 2;
        if (halfDLat > 1 || halfDLon > 1) {
            return 1; // far beyond any commute: no cheap bound, the exact distance decides
        }
        double sinLat = halfDLat - halfDLat * halfDLat * halfDLat / 6;
        double sinLon = halfDLon - halfDLon * halfDLon * halfDLon / 6;
        double h = sinLat * sinLat + homeCosLatitude * cosLatitude * sinLon * sinLon;
        double atLeastKm = 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(h) * (1 - 1e-12);
        return MatchScorer.distanceValue(atLeastKm, w.distancePivotKm());
    }

    /**
     * At least the skill value of {@code doc} (distinct skills), from which of the citizen's skills it is listed
     * under: with D the sum of their IDF², the dot product is at most |p| sqrt(D) (Cauchy-Schwarz over the shared
     * skills, each share at most 1), so the cosine is at most sqrt(D) / |c|. A posting sharing one of six equally
     * rare skills has at most 0.41, where the plain bound is 1.
     */
    private double cosineBound(SkillPostings listed, int doc) {
        if (c.skillNorm() == 0) {
            return 0;
        }
        double d = listed.sumListed(doc, citizenSkillIds, citizenIdfSquares);
        return Math.min(1, Math.sqrt(d) / c.skillNorm() * (1 + 1e-12));
    }

    /** {@link MatchScorer#hoursValue} from the vector's copy of the posting's minimum hours. */
    private double hoursValue(int hoursMin) {
        return hoursMin <= c.maxHoursPerWeek() ? 1.0 : w.hoursGradualStart();
    }

    /** {@link MatchScorer#supportValue} over bits: the same count over the same number of needs, the same double. */
    private double supportValue(int supportOffered) {
        if (supportNeedCount == 0) {
            return 0;
        }
        return (double) Integer.bitCount(supportNeeds & supportOffered) / supportNeedCount;
    }

    /** Whether the citizen has any of the posting's skills; if not, {@link #skillValue} is exactly 0 (a dot of 0). */
    private boolean sharesASkill(PostingVector v) {
        for (int skill : v.skills) {
            if (citizenHas(skill)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@link MatchScorer#skillValue} over int ids: the same sums in the same order. One loop over the vector's three
     * segments (required, desired, the occupation's), each skill at its segment's share; a required skill's share
     * is 1.0, and multiplying by 1.0 is exact, so the doubles are MatchScorer's.
     */
    private double skillValue(PostingVector v) {
        if (c.skillNorm() == 0) {
            return 0;
        }
        double desired = w.skillDesiredShare();
        double typical = w.skillOccupationShare();
        double dot = 0;
        int[] skills = v.skills;
        for (int i = 0; i < skills.length; i++) {
            if (citizenHas(skills[i])) {
                double share = i < v.requiredCount ? 1.0 : i < v.desiredEnd ? desired : typical;
                double idf = idf(v, i);
                dot += share * idf * idf;
            }
        }
        double postingNorm = postingNorm(v, desired, typical);
        return postingNorm == 0 ? 0 : dot / (Math.sqrt(postingNorm) * c.skillNorm());
    }

    /**
     * The posting's half of the cosine, the sum over its skills of (share x IDF)² in {@link MatchScorer}'s order: it
     * depends on the posting and the IDF view, not the citizen, so the vector keeps it for the view (the nightly's
     * 300,000 searches share one) instead of every search summing it again for every posting that shares a skill.
     */
    private double postingNorm(PostingVector v, double desired, double typical) {
        SkillRarity rarity = c.skillRarity();
        PostingVector.SkillNorm kept = v.skillNorm;
        if (kept != null && kept.rarity() == rarity && kept.desiredShare() == desired
                && kept.occupationShare() == typical) {
            return kept.value();
        }
        double postingNorm = 0;
        int[] skills = v.skills;
        for (int i = 0; i < skills.length; i++) {
            double share = i < v.requiredCount ? 1.0 : i < v.desiredEnd ? desired : typical;
            double idf = idf(v, i);
            postingNorm += share * idf * share * idf;
        }
        v.skillNorm = new PostingVector.SkillNorm(rarity, desired, typical, postingNorm);
        return postingNorm;
    }

    private boolean citizenHas(int skill) {
        int word = skill >> 6;
        return word < citizenSkills.length && (citizenSkills[word] & (1L << skill)) != 0;
    }

    /** The IDF of the vector's {@code i}-th skill; its code is read only the first time the search meets it. */
    private double idf(PostingVector v, int i) {
        int skill = v.skills[i];
        if (skill < idf.length) {
            double x = idf[skill];
            if (x != 0) {
                return x;
            }
        }
        return idf(skill, v.skillCodes[i]);
    }

    private double idf(int skill, String code) {
        if (skill >= idf.length) {
            idf = Arrays.copyOf(idf, Math.max(skill + 1, idf.length * 2));
        }
        double x = idf[skill];
        if (x == 0) {
            x = c.skillRarity().idf(skill, code);
            idf[skill] = x;
        }
        return x;
    }

    /** By occupation id, computed from its code the first time a search meets the occupation. */
    private double occupationValue(int occupation) {
        if (occupation >= occupationValues.length) {
            occupationValues = grow(occupationValues, occupation);
        }
        double x = occupationValues[occupation];
        if (Double.isNaN(x)) {
            x = MatchScorer.occupationValue(c, ids.occupationCode(occupation));
            occupationValues[occupation] = x;
        }
        return x;
    }

    private double experienceValue(int occupation) {
        if (occupation >= experienceValues.length) {
            experienceValues = grow(experienceValues, occupation);
        }
        double x = experienceValues[occupation];
        if (Double.isNaN(x)) {
            x = MatchScorer.experienceValue(c, ids.occupationCode(occupation));
            experienceValues[occupation] = x;
        }
        return x;
    }

    private static double[] nans(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
    }

    private static double[] grow(double[] a, int index) {
        int old = a.length;
        double[] b = Arrays.copyOf(a, Math.max(index + 1, old * 2));
        Arrays.fill(b, old, b.length, Double.NaN);
        return b;
    }
}
