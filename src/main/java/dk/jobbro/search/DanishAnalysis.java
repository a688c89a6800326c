package dk.jobbro.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.tartarus.snowball.ext.DanishStemmer;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;

/**
 * Danish text analysis for postings, built from the resources in {@code index/analysis/}.
 *
 * <p>Index time splits compound words with a dictionary of word parts, so "lagermedarbejder" is also indexed as
 * "lager" and "medarbejder": a search for "lager" finds it. Query time does not split (a query for the whole
 * compound stays precise) but expands synonyms. Both stem with the Snowball Danish stemmer, so "pædagoger" finds
 * "pædagog".
 */
final class DanishAnalysis {

    private final CharArraySet compoundParts;
    private final SynonymMap synonyms;
    private final CharArraySet stopWords = DanishAnalyzer.getDefaultStopSet();

    DanishAnalysis(Path analysisDir) {
        this.compoundParts = readWordList(analysisDir.resolve("compound_parts_da.txt"));
        this.synonyms = readSynonyms(analysisDir.resolve("synonyms_da.txt"));
    }

    /** For documents: tokenize, lowercase, split compounds, stem. */
    Analyzer indexAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, stopWords);
                if (!compoundParts.isEmpty()) {
                    stream = new DictionaryCompoundWordTokenFilter(stream, compoundParts, 5, 3, 20, false);
                }
                stream = new SnowballFilter(stream, new DanishStemmer());
                stream = new RemoveDuplicatesTokenFilter(stream);
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    /** For queries: tokenize, lowercase, expand synonyms, stem. */
    Analyzer queryAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, stopWords);
                if (synonyms != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                stream = new SnowballFilter(stream, new DanishStemmer());
                return new TokenStreamComponents(source, stream);
            }
        };
    }

    private static CharArraySet readWordList(Path file) {
        if (!Files.exists(file)) {
            return CharArraySet.EMPTY_SET;
        }
        try {
            List<String> words = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(w -> !w.isEmpty() && !w.startsWith("#")).map(w -> w.toLowerCase(Locale.ROOT)).toList();
            return new CharArraySet(words, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read compound dictionary " + file, e);
        }
    }

    private static SynonymMap readSynonyms(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        // Synonym lines are analysed like queries without synonyms: lowercased, not stemmed (stemming follows).
        try (Analyzer plain = new StandardAnalyzer(CharArraySet.EMPTY_SET);
             Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, plain);
            parser.parse(reader);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read synonyms " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("Synonym file " + file + " is invalid at line " + e.getErrorOffset()
                    + ": " + e.getMessage(), e);
        }
    }
}
