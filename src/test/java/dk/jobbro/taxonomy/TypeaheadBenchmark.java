package dk.jobbro.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The typeahead ({@link TaxonomyNames}) at the size of a full ESCO import: 14,000 skills with a Danish and an English
 * label and five alternative labels each (about 100,000 names, ESCO has 13,900 skills and about 110,000 skill names),
 * built from generated Danish-looking words. Times prefix, word-prefix, two-word and misspelt look-ups, p50 and p99
 * over 20,000 of them, single thread, warm; the baseline in the same run is a plain scan of every folded name for
 * names containing the term. Prints the build time and heap too. A plain main, not a test.
 *
 * <pre>
 *   ./mvnw -o -q -Ptypeahead-benchmark test-compile exec:exec
 * </pre>
 */
public final class TypeaheadBenchmark {

    private TypeaheadBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(20261201);
        String[] syllables = {"lag", "er", "truck", "kør", "sel", "ple", "je", "ren", "gø", "ring", "kas", "se",
                "bet", "jen", "ing", "mad", "lav", "værk", "tøj", "styr", "sy", "stem", "ad", "min", "is", "tra",
                "tion", "kun", "de", "ser", "vi", "ce", "byg", "ge", "ri", "el", "ek", "tri", "ker", "vvs", "rør",
                "sam", "ar", "bej", "de", "plan", "læg", "ning", "data", "for", "stå", "else", "hånd", "tering"};
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            StringBuilder w = new StringBuilder();
            int parts = 2 + random.nextInt(3);
            for (int p = 0; p < parts; p++) {
                w.append(syllables[random.nextInt(syllables.length)]);
            }
            vocabulary.add(w.toString());
        }
        List<TaxonomyNames.Entry> entries = new ArrayList<>();
        for (int i = 0; i < 14_000; i++) {
            List<String> alternatives = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                alternatives.add(phrase(random, vocabulary));
            }
            entries.add(new TaxonomyNames.Entry(String.format(Locale.ROOT, "skill-%05d", i), capital(phrase(random,
                    vocabulary)), phrase(random, vocabulary), List.of(String.format(Locale.ROOT, "skill-%05d", i)),
                    alternatives, List.of(phrase(random, vocabulary))));
        }
        System.gc();
        long heapBefore = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        long t0 = System.nanoTime();
        TaxonomyNames names = TaxonomyNames.of(entries);
        long buildMillis = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory() - heapBefore;
        List<String> folded = new ArrayList<>();
        for (TaxonomyNames.Entry e : entries) {
            folded.add(TaxonomyNames.fold(e.labelDa()));
            folded.add(TaxonomyNames.fold(e.labelEn()));
            e.alternativesDa().forEach(a -> folded.add(TaxonomyNames.fold(a)));
            e.alternativesEn().forEach(a -> folded.add(TaxonomyNames.fold(a)));
        }
        String[] all = folded.toArray(String[]::new);

        List<String> queries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String word = vocabulary.get(random.nextInt(vocabulary.size()));
            queries.add(word.substring(0, Math.min(word.length(), 3 + random.nextInt(4)))); // prefix typed so far
            queries.add(word); // a whole word
            queries.add(word + " " + vocabulary.get(random.nextInt(vocabulary.size())).substring(0, 2)); // two words
            queries.add(typo(random, word)); // misspelt: the fuzzy step runs
            queries.add(word.toUpperCase(Locale.ROOT).replace("Ø", "O").replace("Æ", "AE").replace("Å", "A"));
        }
        for (int round = 0; round < 3; round++) { // warm-up
            for (String q : queries) {
                names.typeahead(q, 10);
                scan(all, TaxonomyNames.fold(q));
            }
        }
        long[] typeahead = time(queries, q -> names.typeahead(q, 10).size());
        long[] baseline = time(queries, q -> scan(all, TaxonomyNames.fold(q)));
        System.out.printf(Locale.ROOT, "typeahead over %,d names (%,d entries): built in %d ms, ~%.1f MB heap%n",
                all.length + entries.size(), entries.size(), buildMillis, heap / 1e6);
        System.out.printf(Locale.ROOT, "typeahead (prefix, words, typos) p50 %.3f ms, p99 %.3f ms over %,d look-ups%n",
                typeahead[0] / 1e6, typeahead[1] / 1e6, queries.size());
        System.out.printf(Locale.ROOT, "baseline: scan of every name for 'contains' p50 %.3f ms, p99 %.3f ms%n",
                baseline[0] / 1e6, baseline[1] / 1e6);
    }

    interface Lookup {
        int run(String q);
    }

    static long[] time(List<String> queries, Lookup lookup) {
        long[] nanos = new long[queries.size() * 4];
        int sink = 0;
        int n = 0;
        for (int round = 0; round < 4; round++) {
            for (String q : queries) {
                long t = System.nanoTime();
                sink += lookup.run(q);
                nanos[n++] = System.nanoTime() - t;
            }
        }
        Arrays.sort(nanos);
        if (sink == 42) {
            System.out.print("");
        }
        return new long[] {nanos[nanos.length / 2], nanos[(int) (nanos.length * 0.99)]};
    }

    static int scan(String[] all, String q) {
        int found = 0;
        for (String name : all) {
            if (name.contains(q)) {
                found++;
            }
        }
        return found;
    }

    static String phrase(Random random, List<String> vocabulary) {
        int words = 1 + random.nextInt(3);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            s.append(i == 0 ? "" : " ").append(vocabulary.get(random.nextInt(vocabulary.size())));
        }
        return s.toString();
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String typo(Random random, String word) {
        int at = 1 + random.nextInt(Math.max(1, word.length() - 2));
        return word.substring(0, at) + word.substring(Math.min(word.length(), at + 1)); // one letter left out
    }
}
