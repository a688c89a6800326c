package dk.jobbro.search;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.IOFunction;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Something made from a segment on its first search and kept until the segment closes. A segment never changes (an
 * update deletes the old document and adds a new one), so what was made from it stays right; a document deleted
 * since is skipped by the reader's live docs. Thread-safe.
 */
final class SegmentCache<T> {

    private final Map<IndexReader.CacheKey, T> bySegment = new ConcurrentHashMap<>();
    private final IOFunction<LeafReaderContext, T> make;

    SegmentCache(IOFunction<LeafReaderContext, T> make) {
        this.make = make;
    }

    T get(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return make.apply(leaf);
        }
        T cached = bySegment.get(helper.getKey());
        if (cached != null) {
            return cached;
        }
        T made = make.apply(leaf);
        if (bySegment.putIfAbsent(helper.getKey(), made) == null) {
            helper.addClosedListener(bySegment::remove);
        }
        return made;
    }
}
