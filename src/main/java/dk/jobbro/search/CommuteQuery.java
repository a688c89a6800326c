package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.PostingVector;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.geo.Rectangle;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
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
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Postings whose workplace lies within a citizen's commute, exactly as {@code HardRule.TOO_FAR} decides it: the
 * postings in the circle's bounding box (a box over the points tree, padded by ten metres), then, as a two-phase
 * check, the great-circle distance from the home to the workplace's exact coordinates against the radius.
 *
 * <p>Lucene's own distance query ({@code LatLonPoint.newDistanceQuery}) builds a grid of a few thousand cells and
 * relates each to the circle with trigonometry when its weight is made: a sixth of the nightly run's matching, paid
 * again for every citizen (docs/measurements.md), and it decides on the quantised points, not on the coordinates the
 * rule measures. Here the check compares the haversine term {@code h} (sin&sup2; of half the angle) with its value
 * at the radius, {@code h} being a quarter of the squared chord between the two points on the unit sphere, from
 * each workplace's unit vector ({@link Workplaces}, kept per segment): no trigonometry per posting. Only within 1e-9
 * of the limit is {@link GeoPoint#distanceKm} itself asked, so the answer is the rule's to the last bit, as in
 * {@link CommuteReachQuery}, the reverse direction's filter.
 */
final class CommuteQuery extends Query {

    /** Relative slack around the limit, far above the rounding of h (~1e-13) and far below any real difference. */
    private static final double SLACK = 1e-9;
    /** The box's padding, in metres: far above the points' quantisation (~1 cm), so no posting in the circle is lost. */
    private static final double PAD_METRES = 10;

    private final GeoPoint home;
    private final double maxKm;
    private final IOFunction<LeafReaderContext, Workplaces> workplaces;

    /**
     * The workplaces of one segment's documents by doc id: their exact coordinates and their unit vectors on the
     * sphere, {@code known} false where the segment's vectors lacked the document (then its stored coordinates are
     * read when it is met). Immutable.
     */
    record Workplaces(double[] x, double[] y, double[] z, double[] latitude, double[] longitude, boolean[] known) {

        /** From a segment's posting vectors by doc id (null where there is none). */
        static Workplaces of(PostingVector[] byDoc) {
            Workplaces w = empty(byDoc.length);
            for (int doc = 0; doc < byDoc.length; doc++) {
                if (byDoc[doc] != null) {
                    w.set(doc, byDoc[doc].facts().location());
                }
            }
            return w;
        }

        /** From the segment's stored fields: every document read (for an index without vectors: tests). */
        static Workplaces read(LeafReader reader) throws IOException {
            Workplaces w = empty(reader.maxDoc());
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                w.set(doc, storedLocation(stored, doc));
            }
            return w;
        }

        private static Workplaces empty(int n) {
            return new Workplaces(new double[n], new double[n], new double[n], new double[n], new double[n],
                    new boolean[n]);
        }

        private void set(int doc, GeoPoint p) {
            double[] u = unit(p);
            x[doc] = u[0];
            y[doc] = u[1];
            z[doc] = u[2];
            latitude[doc] = p.latitude();
            longitude[doc] = p.longitude();
            known[doc] = true;
        }
    }

    private static GeoPoint storedLocation(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc, Set.of(PostingFields.LOCATION + "_lat", PostingFields.LOCATION + "_lon"));
        return new GeoPoint(d.getField(PostingFields.LOCATION + "_lat").numericValue().doubleValue(),
                d.getField(PostingFields.LOCATION + "_lon").numericValue().doubleValue());
    }

    private static double[] unit(GeoPoint p) {
        double lat = Math.toRadians(p.latitude());
        double lon = Math.toRadians(p.longitude());
        double cosLat = Math.cos(lat);
        return new double[]{cosLat * Math.cos(lon), cosLat * Math.sin(lon), Math.sin(lat)};
    }

    /** Postings within {@code maxKm} of {@code home}, their workplaces read by {@code workplaces} (kept per segment). */
    CommuteQuery(GeoPoint home, double maxKm, IOFunction<LeafReaderContext, Workplaces> workplaces) {
        this.home = home;
        this.maxKm = maxKm;
        this.workplaces = workplaces;
    }

    /** sin&sup2;(km / 2R), the haversine term at a distance of {@code km}; 2 (above any h) past half the globe. */
    static double haversineAt(double km) {
        double half = km / (2 * GeoPoint.EARTH_RADIUS_KM);
        if (half >= Math.PI / 2) {
            return 2;
        }
        double s = Math.sin(half);
        return s * s;
    }

    /** The circle's bounding box, padded, over the workplaces' points; everything when the circle is that large. */
    private Query box() {
        if (maxKm >= Math.PI * GeoPoint.EARTH_RADIUS_KM / 2) {
            return LatLonPoint.newBoxQuery(PostingFields.LOCATION, -90, 90, -180, 180);
        }
        Rectangle r = Rectangle.fromPointDistance(home.latitude(), home.longitude(),
                Math.max(0, maxKm) * 1000 * (1 + 1e-6) + PAD_METRES);
        return LatLonPoint.newBoxQuery(PostingFields.LOCATION, r.minLat, r.maxLat, r.minLon, r.maxLon);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight boxWeight = box().createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        double[] c = unit(home);
        double edge = haversineAt(maxKm);
        // Below a kilometre the chord's rounding nears the slack: there every posting in the box asks the rule.
        boolean exactOnly = maxKm < 1;
        double surelyIn = exactOnly ? -1 : edge * (1 - SLACK);
        double surelyOut = exactOnly ? Double.POSITIVE_INFINITY : edge * (1 + SLACK);
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
                        Workplaces at = workplaces.apply(context);
                        TwoPhaseIterator exact = new TwoPhaseIterator(inBox.get(leadCost).iterator()) {
                            @Override
                            public boolean matches() throws IOException {
                                int doc = approximation.docID();
                                if (!at.known()[doc]) {
                                    return within(storedLocation(context.reader().storedFields(), doc));
                                }
                                double dx = at.x()[doc] - c[0];
                                double dy = at.y()[doc] - c[1];
                                double dz = at.z()[doc] - c[2];
                                double h = (dx * dx + dy * dy + dz * dz) / 4;
                                if (h < surelyIn) {
                                    return true;
                                }
                                if (h > surelyOut) {
                                    return false;
                                }
                                return within(new GeoPoint(at.latitude()[doc], at.longitude()[doc]));
                            }

                            @Override
                            public float matchCost() {
                                return 10;
                            }
                        };
                        return new ConstantScoreScorer(score, scoreMode, exact);
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

    /** The rule's own test: at the limit is within. */
    private boolean within(GeoPoint workplace) {
        return !(home.distanceKm(workplace) > maxKm);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "Commute(" + home.latitude() + "," + home.longitude() + ", " + maxKm + " km)";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ((CommuteQuery) other).home.equals(home) && ((CommuteQuery) other).maxKm == maxKm;
    }

    @Override
    public int hashCode() {
        return classHash() ^ home.hashCode() * 31 ^ Double.hashCode(maxKm);
    }
}
