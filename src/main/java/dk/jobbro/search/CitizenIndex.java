package dk.jobbro.search;

import dk.jobbro.matching.CitizenFacts;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
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
    static final String SCHEMA_VERSION = "1";
    static final String SCHEMA_KEY = "schema_version";
    static final String REFERENCE_KEY = "reference_rarity";

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<Long, CitizenFacts> facts = new ConcurrentHashMap<>();
    /** One instance per code, jobcentre and language: 300,000 citizens share them. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private volatile ReferenceRarity reference = ReferenceRarity.EMPTY;
    private volatile long refreshedAtMillis = System.currentTimeMillis();

    CitizenIndex(@Value("${jobbro.index.path}") String indexPath) {
        this.path = Path.of(indexPath).resolve("citizens");
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(new KeywordAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the citizen index at " + path, e);
        }
    }

    /** The index's folder. */
    String path() {
        return path.toString();
    }

    /** The shared instance of a code. */
    String intern(String code) {
        return code == null ? null : codes.computeIfAbsent(code, k -> k);
    }

    ReferenceRarity reference() {
        return reference;
    }

    void useReference(ReferenceRarity reference) {
        this.reference = reference;
    }

    synchronized void upsert(CitizenFacts f) {
        try {
            writer.updateDocument(new Term(CitizenFields.ID, Long.toString(f.id())),
                    CitizenDocuments.toDocument(f, reference));
            facts.put(f.id(), f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void delete(long id) {
        try {
            writer.deleteDocuments(new Term(CitizenFields.ID, Long.toString(id)));
            facts.remove(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void deleteAll() {
        try {
            writer.deleteAll();
            facts.clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Facts only, for a start-up whose index on disk is current: the document is already there. */
    void putFacts(CitizenFacts f) {
        facts.put(f.id(), f);
    }

    CitizenFacts facts(long id) {
        return facts.get(id);
    }

    /** Every active citizen's facts (a live view): the benchmark's exhaustive reference. */
    java.util.Collection<CitizenFacts> allFacts() {
        return java.util.Collections.unmodifiableCollection(facts.values());
    }

    int factCount() {
        return facts.size();
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

    long refreshedAtMillis() {
        return refreshedAtMillis;
    }

    /** Durably commits what is written, with what the index reflects and the reference rarity it used. */
    synchronized void commit(Map<String, String> userData) {
        Map<String, String> data = new HashMap<>(userData);
        data.put(SCHEMA_KEY, SCHEMA_VERSION);
        data.put(REFERENCE_KEY, reference.encode());
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
