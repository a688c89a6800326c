package dk.jobbro.search;

import dk.jobbro.matching.CitizenFacts;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.Term;

import java.io.IOException;
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
    static final String REFERENCE_KEY = "reference_rarity";

    private final Path path;
    private final LuceneFolder folder;
    private final Map<Long, CitizenFacts> facts = new ConcurrentHashMap<>();
    /** One instance per code, jobcentre and language: 300,000 citizens share them. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private volatile ReferenceRarity reference = ReferenceRarity.EMPTY;

    CitizenIndex(@Value("${jobbro.index.path}") String indexPath) {
        this.path = Path.of(indexPath).resolve("citizens");
        this.folder = new LuceneFolder(path, new KeywordAnalyzer(), SCHEMA_VERSION, "citizen index");
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
        folder.update(new Term(CitizenFields.ID, Long.toString(f.id())), CitizenDocuments.toDocument(f, reference));
        facts.put(f.id(), f);
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
        folder.refresh();
    }

    long refreshedAtMillis() {
        return folder.refreshedAtMillis();
    }

    /** Durably commits what is written, with what the index reflects and the reference rarity it used. */
    synchronized void commit(Map<String, String> userData) {
        Map<String, String> data = new HashMap<>(userData);
        data.put(REFERENCE_KEY, reference.encode());
        folder.commit(data);
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
