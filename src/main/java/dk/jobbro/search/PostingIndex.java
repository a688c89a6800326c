package dk.jobbro.search;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import dk.jobbro.matching.CodeIds;
import dk.jobbro.matching.OccupationPostings;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.PostingVector;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.matching.SkillPostings;
import java.util.Map;
import java.util.Set;

/**
 * The on-disk Lucene index of postings ({@link LuceneFolder}) and the facts matching reads of each, in memory. Derived data: {@link PostingIndexer} can rebuild it from the database at any time.
 *
 * <p>Thread-safe. Searchers are pooled; {@link #search} acquires and releases one per call.
 */
@Singleton
final class PostingIndex {

    /** Bump when documents change shape: an index with another version is rebuilt at start-up. */
    static final String SCHEMA_VERSION = "6";

    /**
     * Segments sorted by workplace cell: a citizen's commute circle then reads the per-segment vectors and columns in
     * a few runs of neighbouring doc ids (the scan over ~14,000 eligible postings a citizen was memory-bound).
     */
    static final Sort WORKPLACE_ORDER = new Sort(new SortField(PostingFields.LOCATION_CELL, SortField.Type.LONG));

    private final LuceneFolder folder;
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
    private final SegmentCache<SegmentVectors> segmentVectors = new SegmentCache<>(this::makeVectors);
    /** Skill IDF over the open postings, kept with the facts map. */
    private final SkillStatistics skillStatistics = new SkillStatistics();
    /** Every language-requirement term ever written: a superset is harmless to the exclusion it feeds. */
    private final Set<String> languageTerms = ConcurrentHashMap.newKeySet();
    private final TextRelevances textRelevances;

    PostingIndex(@Value("${jobbro.index.path}") String indexPath,
                 @Value("${jobbro.resources-dir}") String resourcesDir) {
        DanishAnalysis analysis = new DanishAnalysis(Path.of(resourcesDir, "analysis"));
        this.queryAnalyzer = analysis.queryAnalyzer();
        this.textRelevances = new TextRelevances(queryAnalyzer);
        this.folder = new LuceneFolder(Path.of(indexPath), new PerFieldAnalyzerWrapper(analysis.indexAnalyzer()),
                WORKPLACE_ORDER, SCHEMA_VERSION, "posting index");
    }

    Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** The text relevance of {@code text} on {@code searcher}, one of this index's, kept while the searcher is. */
    TextRelevance textRelevance(IndexSearcher searcher, String text, ScoringWeights weights) throws IOException {
        return textRelevances.of(searcher, text, weights);
    }

    void upsert(long id, Document document) {
        folder.update(new Term(PostingFields.ID, Long.toString(id)), document);
        PostingFacts f = PostingDocuments.toFacts(document);
        skillStatistics.replace(factsOf(facts.put(id, PostingVector.of(f, codeIds))), f);
        for (var requirement : f.languageRequirements()) {
            languageTerms.add(PostingDocuments.languageTerm(requirement.language(), requirement.level()));
        }
    }

    void delete(long id) {
        folder.delete(new Term(PostingFields.ID, Long.toString(id)));
        skillStatistics.replace(factsOf(facts.remove(id)), null);
    }

    void deleteAll() {
        folder.deleteAll();
        facts.clear();
        skillStatistics.clear();
    }

    long refreshedAtMillis() {
        return folder.refreshedAtMillis();
    }

    /** Makes every change so far visible to searches; blocks until it is. */
    void refresh() {
        folder.refresh();
    }

    /** Durably commits what is written, with {@code userData} recording what the index reflects. */
    void commit(Map<String, String> userData) {
        folder.commit(userData);
    }

    /** The user data of the last commit; empty for a new index. */
    Map<String, String> committedUserData() {
        return folder.committedUserData();
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
     * A segment's vectors by segment doc id (null for a deleted document), its postings by skill and occupation, their
     * columns and their workplaces for the commute filter.
     */
    record SegmentVectors(PostingVector[] byDoc, SkillPostings bySkill, OccupationPostings byOccupation,
                          PostingVector.Columns columns, CommuteQuery.Workplaces workplaces) {
    }

    /**
     * The vectors of a segment's documents. The first search of a segment makes them from the facts map, about 5 ms
     * for 100,000 documents (and its skill postings, about as much again); later searches find them here.
     */
    SegmentVectors vectors(LeafReaderContext leaf) throws IOException {
        return segmentVectors.get(leaf);
    }

    /** The workplaces of a segment's documents by doc id ({@link CommuteQuery}), kept with its vectors. */
    CommuteQuery.Workplaces workplaces(LeafReaderContext leaf) throws IOException {
        return vectors(leaf).workplaces();
    }

    private SegmentVectors makeVectors(LeafReaderContext leaf) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        PostingVector[] out = new PostingVector[maxDoc];
        NumericDocValues ids = leaf.reader().getNumericDocValues(PostingFields.ID_SORT);
        Bits live = leaf.reader().getLiveDocs();
        for (int doc = 0; doc < maxDoc; doc++) {
            if ((live == null || live.get(doc)) && ids != null && ids.advanceExact(doc)) {
                out[doc] = facts.get(ids.longValue());
            }
        }
        return new SegmentVectors(out, SkillPostings.of(out), OccupationPostings.of(out), PostingVector.Columns.of(out),
                CommuteQuery.Workplaces.of(out));
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
