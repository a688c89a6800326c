package dk.jobbro.search;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.matching.ExactTopK;
import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.MatchScorer;
import dk.jobbro.matching.MatchingProbe;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.posting.Posting;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.context.ApplicationContext;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Benchmark of one citizen's match (the exact top 20 of every eligible posting and its explanation) on 100,000
 * generated postings: first how many citizens' top 20 is identical to an exhaustive ranking, then latency against a
 * bare Lucene search of the same filters with the model's signals as plain clauses ({@link BareLuceneQuery}). A
 * plain main, single-threaded, warm; not a test.
 *
 * <pre>
 *   ./mvnw -o -q -Pbenchmark test-compile exec:exec
 *   ./mvnw -o -q -Pbenchmark test-compile exec:exec -Dbenchmark.args="postings=20000 queries=5000"
 * </pre>
 *
 * Arguments (all optional, {@code name=value}): postings, citizens, warmup, queries, breakdown, seed.
 */
public final class MatchBenchmark {

    private static final int TOP = 20;
    /** Results are summed here so the JIT cannot drop the work being timed. */
    private static long sink;

    private MatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> a = new HashMap<>(Map.of("postings", 100_000, "citizens", 1_000, "warmup", 5_000,
                "queries", 20_000, "breakdown", 5_000, "seed", 42));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], Integer.parseInt(kv[1]));
        }
        Path resources = Path.of("index");
        Map<String, Object> properties = Map.of(
                "jobbro.demo-data.enabled", false,
                "jobbro.taxonomy.seed-dir", resources.resolve("taxonomy").toString(),
                "jobbro.resources-dir", resources.toString());
        long started = System.nanoTime();
        try (ApplicationContext context = ApplicationContext.builder().properties(properties)
                .deduceEnvironment(false).start()) {
            System.out.printf(Locale.ROOT, "Context with embedded MariaDB up in %.1f s; %s, %d cores, JDK %s%n",
                    (System.nanoTime() - started) / 1e9, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                    Runtime.getRuntime().availableProcessors(), Runtime.version());
            run(context, a, resources);
        }
        System.exit(0);
    }

    private static void run(ApplicationContext context, Map<String, Integer> a, Path resources) throws Exception {
        PostingIndex index = context.getBean(PostingIndex.class);
        Taxonomy taxonomy = context.getBean(Taxonomy.class);
        MatchingService matching = context.getBean(MatchingService.class);
        ScoringWeights weights = matching.weights();
        Path indexPath = Path.of(context.getRequiredProperty("jobbro.index.path", String.class));
        SyntheticDenmark denmark = new SyntheticDenmark(resources, a.get("seed"));

        // ---- index build: documents mapped and written straight into the index, then committed and refreshed.
        int n = a.get("postings");
        long heapBefore = heapAfterGc();
        List<Posting> postings = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            postings.add(denmark.posting(i));
        }
        long mapNanos = 0;
        long t0 = System.nanoTime();
        for (Posting p : postings) {
            long m0 = System.nanoTime();
            var document = PostingDocuments.toDocument(p, denmark.employers().get(p.employerId()).name(), taxonomy);
            mapNanos += System.nanoTime() - m0;
            index.upsert(p.id(), document);
        }
        long t1 = System.nanoTime();
        index.commit(Map.of("benchmark", "true"));
        index.refresh();
        long t2 = System.nanoTime();
        postings = null;
        long heapAfter = heapAfterGc();
        long indexBytes = sizeOf(indexPath);
        int segments = index.search(s -> s.getIndexReader().leaves().size());
        long extraReaderHeap = heapOfAnotherReader(indexPath);

        System.out.println();
        System.out.println("Index build (" + n + " postings, " + denmark.employers().size() + " employers)");
        row("  build rate, upsert only", String.format(Locale.ROOT, "%,.0f docs/s", n / ((t1 - t0) / 1e9)));
        row("  build rate, incl. commit+refresh", String.format(Locale.ROOT, "%,.0f docs/s (%.1f s)",
                n / ((t2 - t0) / 1e9), (t2 - t0) / 1e9));
        row("  of which toDocument()", String.format(Locale.ROOT, "%.1f s", mapNanos / 1e9));
        row("  index on disk", String.format(Locale.ROOT, "%.1f MB in %d segments (%s)", indexBytes / 1e6, segments,
                indexPath));
        row("  heap: context after build - before", String.format(Locale.ROOT, "%.1f MB (after GC)",
                (heapAfter - heapBefore) / 1e6));
        row("  heap: a second open reader", String.format(Locale.ROOT, "%.1f MB (after GC, 200 queries run)",
                extraReaderHeap / 1e6));

        // ---- citizens and their queries
        List<Citizen> citizens = new ArrayList<>();
        for (int i = 1; i <= a.get("citizens"); i++) {
            citizens.add(denmark.citizen(i));
        }
        Analyzer analyzer = index.queryAnalyzer();
        LucenePostingCandidates candidates = (LucenePostingCandidates) context.getBean(
                dk.jobbro.matching.PostingCandidates.class);
        long eligible = 0;
        long scoredFully = 0;
        int identical = 0;
        List<Long> differing = new ArrayList<>();
        long a0 = System.nanoTime();
        for (Citizen c : citizens) {
            MatchCriteria criteria = MatchingProbe.criteria(matching, c, weights);
            boolean activityReady = c.targetGroup().activityReady();
            long[] counts = candidates.scan(criteria, TOP, activityReady,
                    top -> new long[]{top.eligible(), top.scoredFully()});
            eligible += counts[0];
            scoredFully += counts[1];
            List<Long> exhaustive = ExhaustiveRanking.top(index, criteria, activityReady, TOP).stream()
                    .map(ExhaustiveRanking.Ranked::postingId).toList();
            if (exhaustive.equals(ids(matching.matchesFor(c, TOP, weights)))) {
                identical++;
            } else {
                differing.add(c.id());
            }
        }
        System.out.printf(Locale.ROOT, "%nCitizens: %d; eligible postings per citizen (mean): %.0f, of which scored "
                        + "to the end (the rest could not enter the top %d): %.0f%n", citizens.size(),
                (double) eligible / citizens.size(), TOP, (double) scoredFully / citizens.size());
        System.out.printf(Locale.ROOT, "Top %d identical to an exhaustive ranking (MatchScorer.score of every eligible "
                        + "posting, ties to the lower id): %d of %d citizens = %.1f %% (target 100 %%: %s; %.0f s)%s%n",
                TOP, identical, citizens.size(), 100.0 * identical / citizens.size(),
                mark(identical == citizens.size()), (System.nanoTime() - a0) / 1e9,
                differing.isEmpty() ? "" : "; differing: " + differing.subList(0, Math.min(10, differing.size())));

        int warmup = a.get("warmup");
        int queries = a.get("queries");
        long[] ours = new long[queries];
        long[] bare = new long[queries];
        for (int i = 0; i < warmup; i++) {
            Citizen c = citizens.get(i % citizens.size());
            timeOurs(matching, c, weights);
            timeBare(index, barQuery(matching, c, weights, analyzer, index));
        }
        // Interleaved, alternating which goes first, so both see the same machine noise and caches.
        for (int i = 0; i < queries; i++) {
            Citizen c = citizens.get(i % citizens.size());
            Query q = barQuery(matching, c, weights, analyzer, index);
            if ((i & 1) == 0) {
                ours[i] = timeOurs(matching, c, weights);
                bare[i] = timeBare(index, q);
            } else {
                bare[i] = timeBare(index, q);
                ours[i] = timeOurs(matching, c, weights);
            }
        }
        Arrays.sort(ours);
        Arrays.sort(bare);
        System.out.println();
        System.out.printf(Locale.ROOT, "Latency over %,d queries after %,d warm-up, single thread (ms)%n", queries,
                warmup);
        System.out.printf(Locale.ROOT, "  %-36s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "max", "mean");
        printLatency("matchesFor(citizen, 20, weights)", ours);
        printLatency("bare IndexSearcher.search(q, 20)", bare);
        System.out.printf(Locale.ROOT, "  %-36s %8.2f %8s %8.2f%n", "ratio ours/bare", pct(ours, 50) / pct(bare, 50),
                "", pct(ours, 99) / pct(bare, 99));
        System.out.printf(Locale.ROOT, "  targets: p50 <= 3 ms %s, p99 <= 10 ms %s, ratio (p50) <= 2 %s%n",
                mark(pct(ours, 50) <= 3), mark(pct(ours, 99) <= 10), mark(pct(ours, 50) / pct(bare, 50) <= 2));

        breakdown(candidates, matching, taxonomy, weights, citizens, a.get("breakdown"));
        System.out.println("(results seen: " + sink + ")");
    }

    private static Query barQuery(MatchingService matching, Citizen c, ScoringWeights w, Analyzer analyzer,
                                  PostingIndex index) {
        return BareLuceneQuery.of(MatchingProbe.criteria(matching, c, w), analyzer, index.languageTerms());
    }

    private static long timeOurs(MatchingService matching, Citizen c, ScoringWeights w) {
        long t = System.nanoTime();
        sink += matching.matchesFor(c, TOP, w).size();
        return System.nanoTime() - t;
    }

    private static long timeBare(PostingIndex index, Query q) {
        long t = System.nanoTime();
        sink += index.search(s -> s.search(q, TOP)).scoreDocs.length;
        return System.nanoTime() - t;
    }

    /** Where the time of matchesFor goes: the same steps, timed one by one. */
    private static void breakdown(LucenePostingCandidates candidates, MatchingService matching, Taxonomy taxonomy,
                                  ScoringWeights w, List<Citizen> citizens, int rounds) {
        String[] names = {"criteria (CitizenMatchProfile)", "scan: exact top 20 (ExactTopK)",
                "explain top 20 (MatchScorer.explain)"};
        long[][] phases = new long[names.length][rounds];
        for (int r = 0; r < rounds * 2; r++) {
            int slot = r - rounds;
            Citizen citizen = citizens.get(r % citizens.size());
            boolean activity = citizen.targetGroup().activityReady();
            long[] t = new long[names.length + 1];
            t[0] = System.nanoTime();
            MatchCriteria c = MatchingProbe.criteria(matching, citizen, w);
            t[1] = System.nanoTime();
            List<ExactTopK.Scored> top = candidates.best(c, TOP, activity);
            t[2] = System.nanoTime();
            int explained = 0;
            for (ExactTopK.Scored s : top) {
                explained += MatchScorer.explain(c, s.facts(), s.textScore(), activity, taxonomy::skillLabel)
                        .components().size();
            }
            t[3] = System.nanoTime();
            if (slot >= 0) {
                for (int p = 0; p < names.length; p++) {
                    phases[p][slot] = t[p + 1] - t[p];
                }
            }
            sink += explained;
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Where the time goes: the steps of matchesFor timed apart, %,d queries (ms)%n",
                rounds);
        System.out.printf(Locale.ROOT, "  %-36s %8s %8s %8s %8s%n", "", "p50", "p99", "mean", "share");
        double total = 0;
        for (long[] p : phases) {
            total += Arrays.stream(p).average().orElse(0);
        }
        for (int p = 0; p < names.length; p++) {
            long[] v = phases[p].clone();
            Arrays.sort(v);
            double mean = Arrays.stream(v).average().orElse(0);
            System.out.printf(Locale.ROOT, "  %-36s %8.3f %8.3f %8.3f %7.0f%%%n", names[p], pct(v, 50), pct(v, 99),
                    mean / 1e6, 100 * mean / total);
        }
    }

    private static List<Long> ids(List<MatchingService.PostingMatch> matches) {
        return matches.stream().map(m -> m.posting().id()).toList();
    }

    /**
     * Heap held by one more reader over the same index: used heap after GC with and without it. The index files
     * themselves are memory-mapped (off heap, in the page cache), so this is what a reader keeps on the heap.
     */
    private static long heapOfAnotherReader(Path indexPath) throws Exception {
        long before = heapAfterGc();
        try (FSDirectory dir = FSDirectory.open(indexPath); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int i = 0; i < 200; i++) {
                searcher.search(new org.apache.lucene.search.TermQuery(
                        new org.apache.lucene.index.Term(PostingFields.OCCUPATION, "432110")), 10);
            }
            long after = heapAfterGc();
            sink += searcher.getIndexReader().numDocs();
            return after - before;
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void printLatency(String name, long[] sorted) {
        System.out.printf(Locale.ROOT, "  %-36s %8.2f %8.2f %8.2f %8.2f %8.2f%n", name, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    /** The p-th percentile in ms (nearest rank) of sorted nanoseconds. */
    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    private static String mark(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "%-40s %s%n", name, value);
    }

}
