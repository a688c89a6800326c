package dk.jobbro.search;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plain Lucene BM25 (default k1 = 1.2, b = 0.75) over postings' skill codes, one term per skill, for the evaluation
 * to compare Jobbro with: what a search engineer would try first. Optionally a constant boost for postings in the
 * ISCO unit group of the citizen's held occupation. Ties go to the lower posting id, as in Jobbro.
 */
public final class SkillBm25Baseline implements AutoCloseable {

    /** One posting as the baseline sees it: its id, occupation code and skills (required and desired alike). */
    public record Doc(long id, String occupation, Collection<String> skills) {
    }

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    public SkillBm25Baseline(List<Doc> docs) {
        try (IndexWriter w = new IndexWriter(directory, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (Doc d : docs) {
                Document doc = new Document();
                doc.add(new StoredField("id", d.id()));
                doc.add(new NumericDocValuesField("id_sort", d.id()));
                doc.add(new TextField("skills", String.join(" ", d.skills()), Field.Store.NO));
                doc.add(new StringField("unit", d.occupation().substring(0, 4), Field.Store.NO));
                w.addDocument(doc);
            }
            w.commit();
            reader = DirectoryReader.open(directory);
            searcher = new IndexSearcher(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posting ids, best first: BM25 of the skills, plus {@code unitBoost} when in a held occupation's unit group. */
    public List<Long> rank(Collection<String> skills, Collection<String> heldOccupations, double unitBoost, int k) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(new MatchAllDocsQuery(), Occur.FILTER); // every posting is eligible in the evaluation
        for (String s : skills) {
            b.add(new TermQuery(new Term("skills", s)), Occur.SHOULD);
        }
        if (unitBoost > 0) {
            for (String held : heldOccupations) {
                b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term("unit", held.substring(0, 4)))),
                        (float) unitBoost), Occur.SHOULD);
            }
        }
        try {
            Sort sort = new Sort(SortField.FIELD_SCORE, new SortField("id_sort", SortField.Type.LONG));
            List<Long> out = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc hit : searcher.search(b.build(), k, sort, false).scoreDocs) {
                out.add(stored.document(hit.doc).getField("id").numericValue().longValue());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
