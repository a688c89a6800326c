package dk.jobbro.search;

import dk.jobbro.matching.CitizenFacts;
import dk.jobbro.matching.CodeIds;
import dk.jobbro.matching.SkillRarity;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    static final String SCHEMA_VERSION = "3";

    /**
     * Segments sorted by home cell: a posting's commute circle then reads the per-segment arrays (homes, ids, skills)
     * in a few sequential runs instead of one cache miss a citizen, which was most of a reverse search's walk.
     */
    static final Sort HOME_ORDER = new Sort(new SortField(CitizenFields.HOME_CELL, SortField.Type.LONG));

    private final Path path;
    private final LuceneFolder folder;
    private final CodeIds codeIds;
    private final Map<Long, Indexed> facts = new ConcurrentHashMap<>();
    /** One instance per code, jobcentre and language: 300,000 citizens share them. */
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    /** Each segment's citizens by doc id, made on a segment's first search and dropped when it closes. */
    private final SegmentCache<SegmentCitizens> segments = new SegmentCache<>(this::makeCitizens);
    /** Each segment's homes, for the commute filter, likewise. */
    private final SegmentCache<CommuteReachQuery.Homes> homes =
            new SegmentCache<>(leaf -> CommuteReachQuery.Homes.read(leaf.reader()));

    /**
     * What {@link CitizenBound} reads of a citizen, as the posting index's {@link CodeIds}: skill ids, occupation ids
     * (the wanted ones, then the held ones), the hours and {@link CitizenBound}'s flags.
     */
    record Ids(int[] skills, int[] occupations, int wantedCount, int maxHours, int flags) {

        static Ids of(CitizenFacts f, CodeIds codeIds) {
            int[] skills = f.skills().stream().mapToInt(codeIds::skill).toArray();
            int[] occupations = java.util.stream.Stream.concat(f.occupationsWanted().stream(),
                    f.occupationsHeld().stream()).mapToInt(codeIds::occupation).toArray();
            int flags = (f.targetGroup().activityReady() ? CitizenBound.ACTIVITY_READY : 0)
                    | (f.text().isBlank() ? 0 : CitizenBound.HAS_TEXT);
            return new Ids(skills, occupations, f.occupationsWanted().size(), f.maxHoursPerWeek(), flags);
        }
    }

    private record Indexed(CitizenFacts facts, Ids ids) {
    }

    /**
     * A segment's citizens by segment doc id: their ids, and their {@link Ids} in flat arrays in doc order (doc d's
     * skills are {@code skills[skillsFrom[d]]} to {@code skills[skillsFrom[d + 1] - 1]}, its wanted occupations
     * {@code occupations[occupationsFrom[d]]} up to {@code heldFrom[d]}, then the held ones up to
     * {@code occupationsFrom[d + 1]}), so a walk in doc order reads them in sequence. Flag {@link CitizenBound#MISSING}
     * where the facts were not there when the segment was read. {@code norms}: each citizen's skill norm under the
     * searches' IDF view, kept while the view is the same.
     */
    record SegmentCitizens(long[] ids, int[] skillsFrom, int[] skills, int[] occupationsFrom, int[] heldFrom,
                           int[] occupations, int[] maxHours, byte[] flags, SkillNorms norms) {
    }

    /**
     * The length of each citizen's IDF-weighted skill vector (the cosine's citizen half) under one {@link SkillRarity}
     * view, by doc id, NaN until a search first needs it: it depends on the citizen and the view only, and computing
     * it for every citizen sharing a skill with the posting was a fifth of a reverse search at 300,000 citizens. A new
     * view (a posting written) starts a new array. Entries are written and read opaquely (a double is never torn);
     * racing searches write the same value.
     */
    static final class SkillNorms {

        private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(double[].class);

        private record ForView(SkillRarity view, double[] norms) {
        }

        private final int maxDoc;
        private volatile ForView current;

        SkillNorms(int maxDoc) {
            this.maxDoc = maxDoc;
        }

        /** The norms of this view, to read with {@link #get} and fill with {@link #put}. */
        double[] of(SkillRarity view) {
            ForView kept = current;
            if (kept == null || kept.view() != view) {
                double[] norms = new double[maxDoc];
                java.util.Arrays.fill(norms, Double.NaN);
                kept = new ForView(view, norms);
                current = kept;
            }
            return kept.norms();
        }

        static double get(double[] norms, int doc) {
            return (double) ENTRY.getOpaque(norms, doc);
        }

        static void put(double[] norms, int doc, double norm) {
            ENTRY.setOpaque(norms, doc, norm);
        }
    }

    CitizenIndex(@Value("${jobbro.index.path}") String indexPath, PostingIndex postings) {
        this.path = Path.of(indexPath).resolve("citizens");
        this.folder = new LuceneFolder(path, new KeywordAnalyzer(), HOME_ORDER, SCHEMA_VERSION, "citizen index");
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
        facts.put(f.id(), new Indexed(f, Ids.of(f, codeIds)));
    }

    CitizenFacts facts(long id) {
        Indexed indexed = facts.get(id);
        return indexed == null ? null : indexed.facts();
    }

    /** A citizen's ids for the bound, or null when they are not in the index. */
    Ids ids(long id) {
        Indexed indexed = facts.get(id);
        return indexed == null ? null : indexed.ids();
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
        return segments.get(leaf);
    }

    /** The homes of a segment's citizens by doc id, read from its doc values on its first search. */
    CommuteReachQuery.Homes homes(LeafReaderContext leaf) throws IOException {
        return homes.get(leaf);
    }

    private SegmentCitizens makeCitizens(LeafReaderContext leaf) throws IOException {
        int maxDoc = leaf.reader().maxDoc();
        long[] ids = new long[maxDoc];
        int[] skillsFrom = new int[maxDoc + 1];
        int[] occupationsFrom = new int[maxDoc + 1];
        int[] heldFrom = new int[maxDoc];
        int[] maxHours = new int[maxDoc];
        byte[] flags = new byte[maxDoc];
        IntList skills = new IntList(maxDoc * 8);
        IntList occupations = new IntList(maxDoc * 2);
        NumericDocValues values = leaf.reader().getNumericDocValues(CitizenFields.ID_VALUE);
        for (int doc = 0; doc < maxDoc; doc++) {
            skillsFrom[doc] = skills.size;
            occupationsFrom[doc] = occupations.size;
            heldFrom[doc] = occupations.size;
            if (values != null && values.advanceExact(doc)) {
                ids[doc] = values.longValue();
            }
            Indexed indexed = facts.get(ids[doc]);
            if (indexed == null) {
                flags[doc] = CitizenBound.MISSING;
                continue;
            }
            Ids c = indexed.ids();
            skills.addAll(c.skills());
            heldFrom[doc] = occupations.size + c.wantedCount();
            occupations.addAll(c.occupations());
            maxHours[doc] = c.maxHours();
            flags[doc] = (byte) c.flags();
        }
        skillsFrom[maxDoc] = skills.size;
        occupationsFrom[maxDoc] = occupations.size;
        return new SegmentCitizens(ids, skillsFrom, skills.toArray(), occupationsFrom, heldFrom,
                occupations.toArray(), maxHours, flags, new SkillNorms(maxDoc));
    }

    /** A growable int array. */
    private static final class IntList {

        private int[] values;
        private int size;

        IntList(int capacity) {
            values = new int[Math.max(16, capacity)];
        }

        void addAll(int[] more) {
            if (size + more.length > values.length) {
                values = java.util.Arrays.copyOf(values, Math.max(size + more.length, values.length * 2));
            }
            System.arraycopy(more, 0, values, size, more.length);
            size += more.length;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
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
