package dk.jobbro.search;

import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.PostingFixture;
import dk.jobbro.matching.PostingVector;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.taxonomy.EmptyTaxonomy;
import dk.jobbro.taxonomy.Taxonomy;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posting index's commute filter decides exactly as the rule ({@code HardRule.TOO_FAR}: the home's great-circle
 * distance to the workplace, at the limit within), also for workplaces a millimetre either side of the limit, where
 * Lucene's distance query on the quantised points decides some of them otherwise.
 */
class CommuteQueryTest {

    static final GeoPoint[] HOMES = {new GeoPoint(55.6761, 12.5683), new GeoPoint(57.0488, 9.9217),
            new GeoPoint(54.9, 8.6)};
    static final double[] RADII_KM = {1, 7, 25, 50};
    /** Workplaces per home and radius, at distances within five centimetres of the radius. */
    static final int AT_THE_EDGE = 120;

    static Directory directory;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static final List<GeoPoint> WORKPLACES = new ArrayList<>();

    @BeforeAll
    static void indexWorkplacesAroundEveryEdge() throws IOException {
        Random random = new Random(20261202);
        Taxonomy taxonomy = EmptyTaxonomy.create();
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (GeoPoint home : HOMES) {
                for (double km : RADII_KM) {
                    for (int i = 0; i < AT_THE_EDGE; i++) {
                        double offsetKm = (random.nextDouble() - 0.5) * 1e-4; // within +-5 cm
                        add(writer, taxonomy, destination(home, random.nextDouble() * 360, km + offsetKm));
                    }
                    add(writer, taxonomy, destination(home, random.nextDouble() * 360, km * random.nextDouble()));
                    add(writer, taxonomy, destination(home, random.nextDouble() * 360, km * 1.5));
                }
                add(writer, taxonomy, home);
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    private static void add(IndexWriter writer, Taxonomy taxonomy, GeoPoint at) throws IOException {
        Posting p = PostingFixture.aPosting(PostingKind.ORDINARY_JOB).numbered(WORKPLACES.size() + 1).at(at)
                .posting();
        writer.addDocument(PostingDocuments.toDocument(p, "Virksomhed", taxonomy));
        WORKPLACES.add(at);
    }

    /** The point {@code km} from {@code from} in direction {@code bearing} (degrees), on the rule's sphere. */
    static GeoPoint destination(GeoPoint from, double bearing, double km) {
        double d = km / GeoPoint.EARTH_RADIUS_KM;
        double lat1 = Math.toRadians(from.latitude());
        double lon1 = Math.toRadians(from.longitude());
        double b = Math.toRadians(bearing);
        double lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
        double lon2 = lon1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1),
                Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
        return new GeoPoint(Math.toDegrees(lat2), Math.toDegrees(lon2));
    }

    @Test
    void theFilterKeepsExactlyTheWorkplacesTheRuleKeepsAlsoAMillimetreFromTheLimit() throws IOException {
        int within = 0;
        int beyond = 0;
        int luceneDiffers = 0;
        for (GeoPoint home : HOMES) {
            for (double km : RADII_KM) {
                Set<Integer> expected = new HashSet<>();
                for (int doc = 0; doc < WORKPLACES.size(); doc++) {
                    if (!(home.distanceKm(WORKPLACES.get(doc)) > km)) { // the rule's own test
                        expected.add(doc);
                    }
                }
                assertEquals(expected, matching(new CommuteQuery(home, km, PostingRuleFilters.STORED_WORKPLACES)),
                        km + " km from " + home);
                within += expected.size();
                beyond += WORKPLACES.size() - expected.size();
                Set<Integer> lucene = matching(LatLonPoint.newDistanceQuery(PostingFields.LOCATION, home.latitude(),
                        home.longitude(), km * 1000));
                Set<Integer> differ = new HashSet<>(lucene);
                differ.addAll(expected);
                Set<Integer> both = new HashSet<>(lucene);
                both.retainAll(expected);
                differ.removeAll(both);
                luceneDiffers += differ.size();
            }
        }
        assertTrue(within > 1_000 && beyond > 1_000, "the world has workplaces on both sides: " + within + " within, "
                + beyond + " beyond");
        assertTrue(luceneDiffers > 0, "the edge is sharp enough that the quantised points decide some otherwise");
    }

    @Test
    void aSegmentWhoseVectorsLackADocumentReadsItsStoredCoordinates() throws IOException {
        IOFunction<LeafReaderContext, CommuteQuery.Workplaces> noneKnown =
                leaf -> CommuteQuery.Workplaces.of(new PostingVector[leaf.reader().maxDoc()]);
        GeoPoint home = HOMES[0];
        for (double km : RADII_KM) {
            assertEquals(matching(new CommuteQuery(home, km, PostingRuleFilters.STORED_WORKPLACES)),
                    matching(new CommuteQuery(home, km, noneKnown)), km + " km");
        }
    }

    @Test
    void aRadiusOfZeroKeepsOnlyTheHomeItselfAndHalfTheGlobeKeepsAll() throws IOException {
        GeoPoint home = HOMES[1];
        Set<Integer> atHome = matching(new CommuteQuery(home, 0, PostingRuleFilters.STORED_WORKPLACES));
        assertEquals(Set.of(WORKPLACES.indexOf(home)), atHome);
        assertEquals(WORKPLACES.size(),
                matching(new CommuteQuery(home, 20_100, PostingRuleFilters.STORED_WORKPLACES)).size());
    }

    private static Set<Integer> matching(Query q) throws IOException {
        Set<Integer> docs = new HashSet<>();
        for (ScoreDoc hit : searcher.search(q, WORKPLACES.size() + 1).scoreDocs) {
            docs.add(hit.doc);
        }
        return docs;
    }
}
