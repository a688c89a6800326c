package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.IOFunction;

import java.io.IOException;

/**
 * Citizens whose own commute radius reaches a point, exactly as {@code Eligibility} decides it: the citizens whose
 * commute box holds the point (a 4-dimensional range over the points tree), then, as a two-phase check, the
 * great-circle distance from the exact home coordinates against the citizen's radius. The coordinates and radii are
 * read from {@link Homes}, the segment's doc values copied once into arrays with the home's latitude in radians and
 * its cosine (doc values read per citizen, and a cosine, were an eighth of a reverse search at 300,000 citizens).
 *
 * <p>The check compares the haversine term {@code h} with sin&sup2;(radius / 2R) instead of taking the arc sine
 * ({@code StrictMath.asin}, 17 % of a reverse search's time at 300,000 citizens); only within 1e-9 of the limit is
 * {@link GeoPoint#distanceKm} itself asked, so the answer is the same as {@code Eligibility}'s to the last bit.
 *
 * <p>With a distance weight ({@link #scoringDistance}) it also scores, as an upper bound of {@code MatchScorer}'s
 * distance points: weight x pivot / (pivot + 2R sqrt(h)), and 2R sqrt(h) is at most the distance (asin x &ge; x).
 * Without one it scores a constant, as a filter.
 */
final class CommuteReachQuery extends Query {

    /**
     * Relative slack around the limit, far above the rounding of h (~1e-16 here, ~1e-13 in {@link CommuteQuery}'s
     * chord) and far below any real difference.
     */
    static final double SLACK = 1e-9;

    private final double latitude;
    private final double longitude;
    private final IOFunction<LeafReaderContext, Homes> homes;
    private final Query box;
    /** Distance points at 0 km and the pivot, or 0 for a filter. */
    private final double distanceWeight;
    private final double pivotKm;

    /**
     * The homes of one segment's citizens by doc id, as the documents hold them ({@code CitizenDocuments}): degrees,
     * the latitude in radians and its cosine as {@code GeoPoint.distanceKm} computes them, and the radius (negative
     * where a document has none: no distance is within it). Immutable.
     */
    record Homes(double[] latitude, double[] longitude, double[] latitudeRadians, double[] cosLatitude,
                 int[] commuteKm) {

        /** Reads every document's home from the segment's doc values. */
        static Homes read(LeafReader reader) throws IOException {
            int maxDoc = reader.maxDoc();
            double[] lat = new double[maxDoc];
            double[] lon = new double[maxDoc];
            double[] radians = new double[maxDoc];
            double[] cos = new double[maxDoc];
            int[] km = new int[maxDoc];
            NumericDocValues lats = DocValues.getNumeric(reader, CitizenFields.HOME_LATITUDE);
            NumericDocValues lons = DocValues.getNumeric(reader, CitizenFields.HOME_LONGITUDE);
            NumericDocValues radii = DocValues.getNumeric(reader, CitizenFields.COMMUTE_KM);
            for (int doc = 0; doc < maxDoc; doc++) {
                if (!lats.advanceExact(doc) || !lons.advanceExact(doc) || !radii.advanceExact(doc)) {
                    km[doc] = -1;
                    continue;
                }
                lat[doc] = Double.longBitsToDouble(lats.longValue());
                lon[doc] = Double.longBitsToDouble(lons.longValue());
                radians[doc] = Math.toRadians(lat[doc]);
                cos[doc] = Math.cos(radians[doc]);
                long radius = radii.longValue();
                km[doc] = radius < 0 ? -1 : (int) Math.min(radius, Integer.MAX_VALUE);
            }
            return new Homes(lat, lon, radians, cos, km);
        }
    }

    /** Citizens whose radius reaches the point, their homes read by {@code homes} (e.g. kept per segment). */
    CommuteReachQuery(double latitude, double longitude, IOFunction<LeafReaderContext, Homes> homes) {
        this(latitude, longitude, homes, 0, 1);
    }

    private CommuteReachQuery(double latitude, double longitude, IOFunction<LeafReaderContext, Homes> homes,
                              double distanceWeight, double pivotKm) {
        this.latitude = latitude;
        this.longitude = longitude;
        this.homes = homes;
        this.distanceWeight = distanceWeight;
        this.pivotKm = pivotKm;
        double inf = Double.POSITIVE_INFINITY;
        this.box = DoublePoint.newRangeQuery(CitizenFields.COMMUTE_BOX, new double[]{-inf, -inf, latitude, longitude},
                new double[]{latitude, longitude, inf, inf});
    }

    /** The same citizens, scored by an upper bound of {@code weight * pivot / (pivot + km)}. */
    static CommuteReachQuery scoringDistance(double latitude, double longitude,
                                             IOFunction<LeafReaderContext, Homes> homes, double weight,
                                             double pivotKm) {
        return new CommuteReachQuery(latitude, longitude, homes, weight, pivotKm);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight boxWeight = box.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        GeoPoint point = new GeoPoint(latitude, longitude);
        double lat2 = Math.toRadians(latitude);
        double cosLat2 = Math.cos(lat2);
        // Limits for the radii a citizen may record (0-200 km); another radius is computed when met.
        double[] limit = new double[201];
        for (int km = 0; km < limit.length; km++) {
            limit[km] = GeoPoint.haversineTermAt(km);
        }
        boolean scoring = distanceWeight > 0 && scoreMode.needsScores();
        float maxScore = scoring ? (float) (distanceWeight * boost) : boost;
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier inBox = boxWeight.scorerSupplier(context);
                if (inBox == null) {
                    return null;
                }
                float score = score();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        Homes at = homes.apply(context);
                        double[] h = new double[1];
                        TwoPhaseIterator exact = new TwoPhaseIterator(inBox.get(leadCost).iterator()) {
                            @Override
                            public boolean matches() {
                                int doc = approximation.docID();
                                int radius = at.commuteKm()[doc];
                                if (radius < 0) {
                                    return false; // any distance exceeds it, as Eligibility finds
                                }
                                // GeoPoint.distanceKm's haversine term, home to point, in its order of operations.
                                double lat1 = at.latitudeRadians()[doc];
                                double dLat = lat2 - lat1;
                                double dLon = Math.toRadians(longitude - at.longitude()[doc]);
                                double sinLat = Math.sin(dLat / 2);
                                double sinLon = Math.sin(dLon / 2);
                                h[0] = sinLat * sinLat + at.cosLatitude()[doc] * cosLat2 * sinLon * sinLon;
                                double edge = radius < limit.length ? limit[radius] : GeoPoint.haversineTermAt(radius);
                                if (h[0] < edge * (1 - SLACK)) {
                                    return true;
                                }
                                if (h[0] > edge * (1 + SLACK)) {
                                    return false;
                                }
                                return !(new GeoPoint(at.latitude()[doc], at.longitude()[doc]).distanceKm(point)
                                        > radius);
                            }

                            @Override
                            public float matchCost() {
                                return 40;
                            }
                        };
                        if (!scoring) {
                            return new ConstantScoreScorer(score, scoreMode, exact);
                        }
                        return new Scorer() {
                            @Override
                            public int docID() {
                                return exact.approximation().docID();
                            }

                            @Override
                            public DocIdSetIterator iterator() {
                                return TwoPhaseIterator.asDocIdSetIterator(exact);
                            }

                            @Override
                            public TwoPhaseIterator twoPhaseIterator() {
                                return exact;
                            }

                            @Override
                            public float getMaxScore(int upTo) {
                                return maxScore;
                            }

                            /** Only after {@code matches()} said yes for this doc, as Lucene scores. */
                            @Override
                            public float score() {
                                double km = 2 * GeoPoint.EARTH_RADIUS_KM * Math.sqrt(Math.max(0, h[0]));
                                return (float) (distanceWeight * boost * pivotKm / (pivotKm + km));
                            }
                        };
                    }

                    @Override
                    public long cost() {
                        return inBox.cost();
                    }
                };
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false;
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "CommuteReach(" + latitude + "," + longitude
                + (distanceWeight > 0 ? ", distance " + distanceWeight + " pivot " + pivotKm : "") + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ((CommuteReachQuery) other).latitude == latitude
                && ((CommuteReachQuery) other).longitude == longitude
                && ((CommuteReachQuery) other).distanceWeight == distanceWeight
                && ((CommuteReachQuery) other).pivotKm == pivotKm;
    }

    @Override
    public int hashCode() {
        return classHash() ^ Double.hashCode(latitude) * 31 ^ Double.hashCode(longitude);
    }
}
