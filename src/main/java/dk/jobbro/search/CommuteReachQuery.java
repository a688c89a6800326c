package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
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

import java.io.IOException;

/**
 * Citizens whose own commute radius reaches a point, exactly as {@code Eligibility} decides it: the citizens whose
 * commute box holds the point (a 4-dimensional range over the points tree), then, as a two-phase check, the
 * great-circle distance from the exact home coordinates against the citizen's radius.
 */
final class CommuteReachQuery extends Query {

    private final double latitude;
    private final double longitude;
    private final Query box;

    CommuteReachQuery(double latitude, double longitude) {
        this.latitude = latitude;
        this.longitude = longitude;
        double inf = Double.POSITIVE_INFINITY;
        this.box = DoublePoint.newRangeQuery(CitizenFields.COMMUTE_BOX, new double[]{-inf, -inf, latitude, longitude},
                new double[]{latitude, longitude, inf, inf});
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight boxWeight = box.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        GeoPoint point = new GeoPoint(latitude, longitude);
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
                        NumericDocValues lats = DocValues.getNumeric(context.reader(), CitizenFields.HOME_LATITUDE);
                        NumericDocValues lons = DocValues.getNumeric(context.reader(), CitizenFields.HOME_LONGITUDE);
                        NumericDocValues radii = DocValues.getNumeric(context.reader(), CitizenFields.COMMUTE_KM);
                        TwoPhaseIterator exact = new TwoPhaseIterator(inBox.get(leadCost).iterator()) {
                            @Override
                            public boolean matches() throws IOException {
                                int doc = approximation.docID();
                                if (!lats.advanceExact(doc) || !lons.advanceExact(doc) || !radii.advanceExact(doc)) {
                                    return false;
                                }
                                GeoPoint home = new GeoPoint(Double.longBitsToDouble(lats.longValue()),
                                        Double.longBitsToDouble(lons.longValue()));
                                return !(home.distanceKm(point) > radii.longValue());
                            }

                            @Override
                            public float matchCost() {
                                return 40;
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

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "CommuteReach(" + latitude + "," + longitude + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && ((CommuteReachQuery) other).latitude == latitude
                && ((CommuteReachQuery) other).longitude == longitude;
    }

    @Override
    public int hashCode() {
        return classHash() ^ Double.hashCode(latitude) * 31 ^ Double.hashCode(longitude);
    }
}
