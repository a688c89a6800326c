package dk.jobbro.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Lucene index in a folder: its writer, a near-real-time {@link SearcherManager} over it, and commits that record
 * the schema version and what the index reflects. The posting and the citizen index each hold one.
 *
 * <p>Thread-safe. Searchers are pooled; {@link #search} acquires and releases one per call.
 */
final class LuceneFolder implements AutoCloseable {

    static final String SCHEMA_KEY = "schema_version";

    private final String schemaVersion;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** When searches last saw every change (System.currentTimeMillis), for the index-age metric. */
    private volatile long refreshedAtMillis = System.currentTimeMillis();

    interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Opens (or creates) the index in {@code path}; {@code what} names it in the error when that fails. */
    LuceneFolder(Path path, Analyzer analyzer, String schemaVersion, String what) {
        this(path, analyzer, null, schemaVersion, what);
    }

    /**
     * The same, with its segments sorted by {@code indexSort} (null: in the order written). An index written with
     * another sort cannot be opened with this one, and is derived data: it is started empty, and its last commit
     * (another schema version) makes the owner rebuild it.
     */
    LuceneFolder(Path path, Analyzer analyzer, Sort indexSort, String schemaVersion, String what) {
        this.schemaVersion = schemaVersion;
        try {
            Files.createDirectories(path);
            this.directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(sortedOtherwise(directory, indexSort) ? IndexWriterConfig.OpenMode.CREATE
                            : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64);
            if (indexSort != null) {
                config.setIndexSort(indexSort);
            }
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + what + " at " + path, e);
        }
    }

    /** Whether the index in {@code directory} has a segment sorted otherwise than by {@code indexSort}. */
    private static boolean sortedOtherwise(Directory directory, Sort indexSort) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return false;
        }
        for (SegmentCommitInfo segment : SegmentInfos.readLatestCommit(directory)) {
            if (!Objects.equals(segment.info.getIndexSort(), indexSort)) {
                return true;
            }
        }
        return false;
    }

    void update(Term id, Document document) {
        try {
            writer.updateDocument(id, document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(Term id) {
        try {
            writer.deleteDocuments(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteAll() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Durably commits what is written, with {@code userData} (what the index reflects) and the schema version. */
    void commit(Map<String, String> userData) {
        Map<String, String> data = new HashMap<>(userData);
        data.put(SCHEMA_KEY, schemaVersion);
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

    /**
     * Why the index must be rebuilt to reflect {@code databaseState}, or empty when its last commit recorded exactly
     * that state with this schema version.
     */
    Optional<String> staleness(Map<String, String> databaseState) {
        Map<String, String> committed = committedUserData();
        if (committed.isEmpty()) {
            return Optional.of("no index yet");
        }
        if (!schemaVersion.equals(committed.get(SCHEMA_KEY))) {
            return Optional.of("index schema " + committed.get(SCHEMA_KEY) + " != " + schemaVersion);
        }
        for (Map.Entry<String, String> e : databaseState.entrySet()) {
            if (!e.getValue().equals(committed.get(e.getKey()))) {
                return Optional.of("index is behind the database");
            }
        }
        return Optional.empty();
    }

    int documentCount() {
        return search(IndexSearcher::getIndexReader).numDocs();
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

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
