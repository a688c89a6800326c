package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.PostingVector;
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

    /** Relative slack around the limit, the reverse filter's ({@link CommuteReachQuery#SLACK}). */
    private static final double SLACK = CommuteReachQuery.SLACK;
    /** The box's padding, in metres: far above the points' quantisation (~1 cm), so no posting in the circle is lost. */
    private static final double PAD_METRES = 10;

    private final GeoPoint home;
    private final double maxKm;
    private final IOFunction<LeafReaderContext, Workplaces> workplaces;

    /**
     * The workplaces of one segment's documents by doc id: the exact point (null where the segment's vectors lacked
     * the document: then its stored coordinates are read when it is met) and its unit vector on the sphere.
     * Immutable.
     */
    record Workplaces(GeoPoint[] at, double[] x, double[] y, double[] z) {

        /** From a segment's posting vectors by doc id (null where there is none). */
        static Workplaces of(PostingVector[] byDoc) {
            GeoPoint[] at = new GeoPoint[byDoc.length];
            for (int doc = 0; doc < byDoc.length; doc++) {
                at[doc] = byDoc[doc] == null ? null : byDoc[doc].facts().location();
            }
            return of(at);
        }

        /** From the segment's stored fields: every document read (for an index without vectors: tests). */
        static Workplaces read(LeafReader reader) throws IOException {
            GeoPoint[] at = new GeoPoint[reader.maxDoc()];
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < at.length; doc++) {
                at[doc] = storedLocation(stored, doc);
            }
            return of(at);
        }

        private static Workplaces of(GeoPoint[] at) {
            Workplaces w = new Workplaces(at, new double[at.length], new double[at.length], new double[at.length]);
            for (int doc = 0; doc < at.length; doc++) {
                if (at[doc] != null) {
                    double[] u = unit(at[doc]);
                    w.x[doc] = u[0];
                    w.y[doc] = u[1];
                    w.z[doc] = u[2];
                }
            }
            return w;
        }
    }

    /** The point's unit vector on the sphere (x, y, z). */
    private static double[] unit(GeoPoint p) {
        double lat = Math.toRadians(p.latitude());
        double lon = Math.toRadians(p.longitude());
        double cosLat = Math.cos(lat);
        return new double[]{cosLat * Math.cos(lon), cosLat * Math.sin(lon), Math.sin(lat)};
    }

    private static GeoPoint storedLocation(StoredFields stored, int doc) throws IOException {
        return PostingDocuments.location(stored.document(doc, PostingDocuments.LOCATION_STORED));
    }

    /** Postings within {@code maxKm} of {@code home}, their workplaces read by {@code workplaces} (kept per segment). */
    CommuteQuery(GeoPoint home, double maxKm, IOFunction<LeafReaderContext, Workplaces> workplaces) {
        this.home = home;
        this.maxKm = maxKm;
        this.workplaces = workplaces;
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
        double cx = c[0];
        double cy = c[1];
        double cz = c[2];
        double edge = GeoPoint.haversineTermAt(maxKm);
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
                                GeoPoint workplace = at.at()[doc];
                                if (workplace == null) {
                                    return within(storedLocation(context.reader().storedFields(), doc));
                                }
                                double dx = at.x()[doc] - cx;
                                double dy = at.y()[doc] - cy;
                                double dz = at.z()[doc] - cz;
                                double h = (dx * dx + dy * dy + dz * dz) / 4;
                                if (h < surelyIn) {
                                    return true;
                                }
                                if (h > surelyOut) {
                                    return false;
                                }
                                return within(workplace);
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
