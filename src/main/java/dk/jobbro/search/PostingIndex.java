package dk.jobbro.search;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;
import dk.jobbro.matching.CodeIds;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.PostingVector;
import java.util.Map;
import java.util.Set;

/**
 * The on-disk Lucene index of postings: one {@link IndexWriter} and a near-real-time {@link SearcherManager}
 * over it. Derived data: {@link PostingIndexer} can rebuild it from the database at any time.
 *
 * <p>Thread-safe. Searchers are pooled; {@link #search} acquires and releases one per call.
 */
@Singleton
final class PostingIndex {

    /** Bump when documents change shape: an index with another version is rebuilt at start-up. */
    static final String SCHEMA_VERSION = "4";
    static final String SCHEMA_KEY = "schema_version";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer queryAnalyzer;
    /**
     * What matching needs of each posting, by id: reading 200 candidates' stored fields cost ~2.5 ms of a 6.4 ms
     * match (docs/measurements.md); a map lookup costs nothing. About 0.6 KB a posting with its vector.
     */
    private final Map<Long, PostingVector> facts = new ConcurrentHashMap<>();
    private final CodeIds codeIds = new CodeIds();
    /**
     * Each segment's vectors by doc id, made on a segment's first search and dropped when it closes. A segment never
     * changes (an update deletes the old document and adds a new one), so its vectors stay right.
     */
    private final Map<IndexReader.CacheKey, PostingVector[]> segmentVectors = new ConcurrentHashMap<>();
    /** Skill IDF over the open postings, kept with the facts map. */
    private final SkillStatistics skillStatistics = new SkillStatistics();
    /** Every language-requirement term ever written: a superset is harmless to the exclusion it feeds. */
    private final Set<String> languageTerms = ConcurrentHashMap.newKeySet();

    PostingIndex(@Value("${jobbro.index.path}") String indexPath,
                 @Value("${jobbro.resources-dir}") String resourcesDir) {
        try {
            Path path = Path.of(indexPath);
            Files.createDirectories(path);
            DanishAnalysis analysis = new DanishAnalysis(Path.of(resourcesDir, "analysis"));
            Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(analysis.indexAnalyzer());
            this.queryAnalyzer = analysis.queryAnalyzer();
            this.directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the posting index at " + indexPath, e);
        }
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    void upsert(long id, Document document) {
        try {
            writer.updateDocument(new Term(PostingFields.ID, Long.toString(id)), document);
            PostingFacts f = PostingDocuments.toFacts(document);
            skillStatistics.replace(factsOf(facts.put(id, PostingVector.of(f, codeIds))), f);
            for (var requirement : f.languageRequirements()) {
                languageTerms.add(PostingDocuments.languageTerm(requirement.language(), requirement.level()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(long id) {
        try {
            writer.deleteDocuments(new Term(PostingFields.ID, Long.toString(id)));
            skillStatistics.replace(factsOf(facts.remove(id)), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteAll() {
        try {
            writer.deleteAll();
            facts.clear();
            skillStatistics.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When searches last saw every change (System.currentTimeMillis), for the index-age metric. */
    private volatile long refreshedAtMillis = System.currentTimeMillis();

    long refreshedAtMillis() {
        return refreshedAtMillis;
    }

    /** Makes every change so far visible to searches; blocks until it is. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
            refreshedAtMillis = System.currentTimeMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Durably commits what is written, with {@code userData} recording what the index reflects. */
    void commit(Map<String, String> userData) {
        Map<String, String> data = new HashMap<>(userData);
        data.put(SCHEMA_KEY, SCHEMA_VERSION);
        writer.setLiveCommitData(data.entrySet());
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user data of the last commit; empty for a new index. */
    Map<String, String> committedUserData() {
        try {
            if (!DirectoryReader.indexExists(directory)) {
                return Map.of();
            }
            return SegmentInfos.readLatestCommit(directory).getUserData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Set<String> languageTerms() {
        return languageTerms;
    }

    SkillStatistics skillStatistics() {
        return skillStatistics;
    }

    /** The facts of a posting as last written, if it is in the index. */
    PostingFacts facts(long id) {
        return factsOf(facts.get(id));
    }

    private static PostingFacts factsOf(PostingVector v) {
        return v == null ? null : v.facts();
    }

    CodeIds codeIds() {
        return codeIds;
    }

    /**
     * The vectors of a segment's documents by segment doc id (null for a deleted document). The first search of a
     * segment makes them from the facts map, about 5 ms for 100,000 documents; later searches find them here.
     */
    PostingVector[] vectors(LeafReaderContext leaf) throws IOException {
        IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
        if (helper == null) {
            return makeVectors(leaf);
        }
        PostingVector[] cached = segmentVectors.get(helper.getKey());
        if (cached != null) {
            return cached;
        }
        PostingVector[] made = makeVectors(leaf);
        if (segmentVectors.putIfAbsent(helper.getKey(), made) == null) {
            helper.addClosedListener(segmentVectors::remove);
        }
        return made;
    }

    private PostingVector[] makeVectors(LeafReaderContext leaf) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        PostingVector[] out = new PostingVector[maxDoc];
        NumericDocValues ids = leaf.reader().getNumericDocValues(PostingFields.ID_SORT);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < maxDoc; doc++) {
            if ((live == null || live.get(doc)) && ids != null && ids.advanceExact(doc)) {
                out[doc] = facts.get(ids.longValue());
            }
        }
        return out;
    }

    /**
     * The vector of a document its segment's vectors lack: one deleted when they were made (an older searcher still
     * sees it), or one written before this process started and not loaded. Read from disk.
     */
    PostingVector vectorFromDisk(LeafReaderContext leaf, int doc) throws IOException {
        return PostingVector.of(PostingDocuments.toFacts(leaf.reader().storedFields().document(doc)), codeIds);
    }

    /** Fills the facts map from the index on disk (start-up without a rebuild). */
    void loadFacts() {
        search(searcher -> {
            var stored = searcher.storedFields();
            for (var leaf : searcher.getIndexReader().leaves()) {
                var live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live == null || live.get(doc)) {
                        PostingFacts f = PostingDocuments.toFacts(stored.document(leaf.docBase + doc));
                        skillStatistics.replace(factsOf(facts.put(f.id(), PostingVector.of(f, codeIds))), f);
                        for (var requirement : f.languageRequirements()) {
                            languageTerms.add(PostingDocuments.languageTerm(requirement.language(),
                                    requirement.level()));
                        }
                    }
                }
            }
            return null;
        });
    }

    int documentCount() {
        return search(IndexSearcher::getIndexReader).numDocs();
    }

    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    <T> T search(SearcherFunction<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
