package dk.jobbro.search;

import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The citizen index is sorted by home cell, so the citizens near a point have neighbouring doc ids; an index written
 * in another order (any index of schema 2 or older) opens empty and asks to be rebuilt instead of failing the start.
 */
class CitizenOrderTest {

    @Test
    void homeCellsOfNeighboursAreCloserThanThoseOfDistantHomes() {
        long copenhagen = GeoCell.of(55.6761, 12.5683);
        long nextDoor = GeoCell.of(55.6765, 12.5690);
        long aarhus = GeoCell.of(56.1629, 10.2039);
        assertTrue(Math.abs(copenhagen - nextDoor) < 1 << 8, "homes 60 m apart are neighbours on the curve");
        assertTrue(Math.abs(copenhagen - aarhus) > 1 << 20, "Aarhus is far from Copenhagen on the curve too");
        assertEquals(0, GeoCell.of(-90, -180));
        assertEquals(0xFFFF_FFFFL, GeoCell.of(90, 180), "the edges stay within 32 bits");
    }

    @Test
    void segmentsAreInHomeCellOrderAndAnIndexOfAnotherOrderIsRebuilt(@TempDir Path dir) throws Exception {
        Random random = new Random(3);
        try (LuceneFolder unsorted = new LuceneFolder(dir, new KeywordAnalyzer(), "2", "citizen index")) {
            for (int i = 0; i < 50; i++) {
                unsorted.update(new Term(CitizenFields.ID, "u" + i), document(i, random));
            }
            unsorted.commit(Map.of("citizens", "50"));
        }
        try (LuceneFolder sorted = new LuceneFolder(dir, new KeywordAnalyzer(), CitizenIndex.HOME_ORDER, "3",
                "citizen index")) {
            assertEquals(Optional.of("index schema 2 != 3"), sorted.staleness(Map.of("citizens", "50")));
            sorted.refresh();
            assertEquals(0, sorted.documentCount(), "started empty, to be rebuilt");
            for (int i = 0; i < 2_000; i++) {
                sorted.update(new Term(CitizenFields.ID, Integer.toString(i)), document(i, random));
            }
            sorted.commit(Map.of("citizens", "2000"));
            sorted.refresh();
            List<Long> cells = sorted.search(searcher -> {
                List<Long> out = new ArrayList<>();
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    NumericDocValues values = leaf.reader().getNumericDocValues(CitizenFields.HOME_CELL);
                    long previous = Long.MIN_VALUE;
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        assertTrue(values.advanceExact(doc));
                        assertTrue(values.longValue() >= previous, "in home-cell order within a segment");
                        previous = values.longValue();
                        out.add(previous);
                    }
                }
                return out;
            });
            assertEquals(2_000, cells.size());
        }
        try (LuceneFolder again = new LuceneFolder(dir, new KeywordAnalyzer(), CitizenIndex.HOME_ORDER, "3",
                "citizen index")) {
            assertEquals(Optional.empty(), again.staleness(Map.of("citizens", "2000")), "kept when sorted alike");
            assertEquals(2_000, again.documentCount());
        }
    }

    private static Document document(int i, Random random) {
        double lat = 54.6 + random.nextDouble() * 3;
        double lon = 8.1 + random.nextDouble() * 4.5;
        Document d = new Document();
        d.add(new StringField(CitizenFields.ID, Integer.toString(i), Field.Store.NO));
        d.add(new NumericDocValuesField(CitizenFields.HOME_CELL, GeoCell.of(lat, lon)));
        return d;
    }
}
