package dk.jobbro.search;

import dk.jobbro.matching.CitizenFacts;
import dk.jobbro.matching.CodeIds;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The on-disk Lucene index of active citizens, in {@code citizens/} inside the posting index's folder (one volume
 * for both), and the facts matching reads of each, in memory. Derived data: {@link CitizenIndexer} rebuilds it from
 * the database. The documents hold no special-category data; the facts map does, and never leaves the process.
 *
 * <p>Thread-safe. Writes are serialised, so a citizen's document and facts always change together.
 */
@Singleton
final class CitizenIndex {

    /** Bump when documents change shape: an index with another version is rebuilt at start-up. */
    static final String SCHEMA_VERSION = "2";

    private final Path path;
    private final LuceneFolder folder;
    private final CodeIds codeIds;
    private final Map<Long, Indexed> facts = new ConcurrentHashMap<>();
    /** One instance per code, jobcentre and language: 300,000 citizens share them. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    /**
     * Each segment's citizens by doc id, made on a segment's first search and dropped when it closes. A segment never
     * changes (an update deletes the old document and adds a new one); a doc deleted since is skipped by live docs.
     */
    private final Map<IndexReader.CacheKey, SegmentCitizens> segments = new ConcurrentHashMap<>();

    /** A citizen's facts with their skills as the posting index's {@link CodeIds}. */
    private record Indexed(CitizenFacts facts, int[] skills) {
    }

    /** A segment's citizen ids and skill ids by segment doc id (skills null where the facts were not there). */
    record SegmentCitizens(long[] ids, int[][] skills) {
    }

    CitizenIndex(@Value("${jobbro.index.path}") String indexPath, PostingIndex postings) {
        this.path = Path.of(indexPath).resolve("citizens");
        this.folder = new LuceneFolder(path, new KeywordAnalyzer(), SCHEMA_VERSION, "citizen index");
        this.codeIds = postings.codeIds();
    }

    /** The index's folder. */
    String path() {
        return path.toString();
    }

    /** The shared instance of a code. */
    String intern(String code) {
        return code == null ? null : codes.computeIfAbsent(code, k -> k);
    }

    /** The facts first: a searcher that sees the new document finds them (its segment's skills are read from them). */
    synchronized void upsert(CitizenFacts f) {
        putFacts(f);
        folder.update(new Term(CitizenFields.ID, Long.toString(f.id())), CitizenDocuments.toDocument(f));
    }

    synchronized void delete(long id) {
        folder.delete(new Term(CitizenFields.ID, Long.toString(id)));
        facts.remove(id);
    }

    synchronized void deleteAll() {
        folder.deleteAll();
        facts.clear();
    }

    /** Facts only, for a start-up whose index on disk is current: the document is already there. */
    void putFacts(CitizenFacts f) {
        int[] skills = new int[f.skills().size()];
        int i = 0;
        for (String skill : f.skills()) {
            skills[i++] = codeIds.skill(skill);
        }
        facts.put(f.id(), new Indexed(f, skills));
    }

    CitizenFacts facts(long id) {
        Indexed indexed = facts.get(id);
        return indexed == null ? null : indexed.facts();
    }

    /** A citizen's skills as skill ids, or null when they are not in the index. */
    int[] skills(long id) {
        Indexed indexed = facts.get(id);
        return indexed == null ? null : indexed.skills();
    }

    /** Every active citizen's facts (a copy): the benchmark's exhaustive reference. */
    java.util.Collection<CitizenFacts> allFacts() {
        return facts.values().stream().map(Indexed::facts).toList();
    }

    int factCount() {
        return facts.size();
    }

    /**
     * The citizens of a segment by doc id. The first search of a segment makes them from the facts map (one map read
     * a document); later searches find them here.
     */
    SegmentCitizens citizens(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return makeCitizens(leaf);
        }
        SegmentCitizens cached = segments.get(helper.getKey());
        if (cached != null) {
            return cached;
        }
        SegmentCitizens made = makeCitizens(leaf);
        if (segments.putIfAbsent(helper.getKey(), made) == null) {
            helper.addClosedListener(segments::remove);
        }
        return made;
    }

    private SegmentCitizens makeCitizens(LeafReaderContext leaf) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        long[] ids = new long[maxDoc];
        int[][] skills = new int[maxDoc][];
        NumericDocValues values = leaf.reader().getNumericDocValues(CitizenFields.ID_VALUE);
        for (int doc = 0; values != null && doc < maxDoc; doc++) {
            if (values.advanceExact(doc)) {
                ids[doc] = values.longValue();
                Indexed indexed = facts.get(ids[doc]);
                skills[doc] = indexed == null ? null : indexed.skills();
            }
        }
        return new SegmentCitizens(ids, skills);
    }

    CodeIds codeIds() {
        return codeIds;
    }

    /** Makes every change so far visible to searches; blocks until it is. */
    void refresh() {
        folder.refresh();
    }

    long refreshedAtMillis() {
        return folder.refreshedAtMillis();
    }

    /** Durably commits what is written, with what the index reflects. */
    synchronized void commit(Map<String, String> userData) {
        folder.commit(userData);
    }

    /** The user data of the last commit; empty for a new index. */
    Map<String, String> committedUserData() {
        return folder.committedUserData();
    }

    /** Why the index must be rebuilt to reflect {@code databaseState}, or empty when it is current. */
    java.util.Optional<String> staleness(Map<String, String> databaseState) {
        return folder.staleness(databaseState);
    }

    int documentCount() {
        return folder.documentCount();
    }

    <T> T search(LuceneFolder.SearcherFunction<T> work) {
        return folder.search(work);
    }

    @PreDestroy
    void close() throws IOException {
        folder.close();
    }
}
