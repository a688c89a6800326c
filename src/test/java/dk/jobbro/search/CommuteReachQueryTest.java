package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commute filter of the citizen index decides "within the citizen's own radius" exactly as Eligibility does
 * (GeoPoint.distanceKm against the radius), also for homes a rounding error either side of the limit, and its
 * distance score bounds the scorer's distance points from above, tightly.
 */
class CommuteReachQueryTest {

    private static final double R = 6371.0088;
    private static final GeoPoint WORKPLACE = new GeoPoint(55.6761, 12.5683);

    private record Home(long id, GeoPoint home, int radiusKm) {
    }

    @Test
    void homesAtTheLimitOfTheirRadiusAreInOrOutExactlyAsEligibilityDecides() throws Exception {
        Random random = new Random(7);
        Map<Long, Home> homes = new HashMap<>();
        long id = 0;
        for (int i = 0; i < 400; i++) {
            int radius = random.nextInt(201);
            double bearing = random.nextDouble() * 2 * Math.PI;
            // The two homes on this bearing that straddle the radius as closely as doubles allow.
            double lo = 0;
            double hi = 2.0 * (radius + 1) / R;
            for (int step = 0; step < 200; step++) {
                double mid = (lo + hi) / 2;
                if (mid == lo || mid == hi) {
                    break;
                }
                if (destination(bearing, mid).distanceKm(WORKPLACE) > radius) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            homes.put(++id, new Home(id, destination(bearing, lo), radius));
            homes.put(++id, new Home(id, destination(bearing, hi), radius));
            // And one anywhere up to twice the radius.
            homes.put(++id, new Home(id, destination(bearing, random.nextDouble() * 2.0 * (radius + 1) / R), radius));
        }
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
                for (Home h : homes.values()) {
                    writer.addDocument(document(h));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                Set<Long> expected = new HashSet<>();
                for (Home h : homes.values()) {
                    if (!(h.home().distanceKm(WORKPLACE) > h.radiusKm())) {
                        expected.add(h.id());
                    }
                }
                assertTrue(expected.size() > 400 && expected.size() < homes.size() - 400,
                        "both sides of the limit are tried: " + expected.size() + " of " + homes.size());

                Map<Long, Float> filtered = scores(searcher, new CommuteReachQuery(WORKPLACE.latitude(),
                        WORKPLACE.longitude(), leaf -> CommuteReachQuery.Homes.read(leaf.reader())));
                assertEquals(expected, filtered.keySet());

                double weight = 1.5;
                double pivot = 10;
                Map<Long, Float> scored = scores(searcher, CommuteReachQuery.scoringDistance(WORKPLACE.latitude(),
                        WORKPLACE.longitude(), leaf -> CommuteReachQuery.Homes.read(leaf.reader()), weight, pivot));
                assertEquals(expected, scored.keySet());
                for (Map.Entry<Long, Float> e : scored.entrySet()) {
                    double km = homes.get(e.getKey()).home().distanceKm(WORKPLACE);
                    double points = weight * pivot / (pivot + km);
                    assertTrue(e.getValue() >= points - 1e-6, "a bound, not below the points: " + e);
                    assertTrue(e.getValue() <= points + 1e-4, "a tight bound: " + e + " for " + points);
                }
            }
        }
    }

    /** The point at an angular distance {@code delta} from the workplace, on a bearing. */
    private static GeoPoint destination(double bearing, double delta) {
        double lat1 = Math.toRadians(WORKPLACE.latitude());
        double lon1 = Math.toRadians(WORKPLACE.longitude());
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(delta) + Math.cos(lat1) * Math.sin(delta) * Math.cos(bearing));
        double lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(delta) * Math.cos(lat1),
                Math.cos(delta) - Math.sin(lat1) * Math.sin(lat2));
        return new GeoPoint(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }

    /** The fields the commute query reads, as CitizenDocuments writes them. */
    private static Document document(Home h) {
        Document d = new Document();
        double lat = h.home().latitude();
        double lon = h.home().longitude();
        d.add(new NumericDocValuesField(CitizenFields.ID_VALUE, h.id()));
        d.add(new DoublePoint(CitizenFields.COMMUTE_BOX, CitizenDocuments.commuteBox(lat, lon, h.radiusKm())));
        d.add(new NumericDocValuesField(CitizenFields.HOME_LATITUDE, Double.doubleToRawLongBits(lat)));
        d.add(new NumericDocValuesField(CitizenFields.HOME_LONGITUDE, Double.doubleToRawLongBits(lon)));
        d.add(new NumericDocValuesField(CitizenFields.COMMUTE_KM, h.radiusKm()));
        return d;
    }

    private static Map<Long, Float> scores(IndexSearcher searcher, org.apache.lucene.search.Query query)
            throws Exception {
        TopDocs top = searcher.search(query, Integer.MAX_VALUE);
        Map<Long, Float> out = new HashMap<>();
        for (ScoreDoc hit : top.scoreDocs) {
            LeafReaderContext leaf = searcher.getIndexReader().leaves()
                    .get(org.apache.lucene.index.ReaderUtil.subIndex(hit.doc, searcher.getIndexReader().leaves()));
            NumericDocValues ids = leaf.reader().getNumericDocValues(CitizenFields.ID_VALUE);
            assertTrue(ids.advanceExact(hit.doc - leaf.docBase));
            out.put(ids.longValue(), hit.score);
        }
        return out;
    }
}
