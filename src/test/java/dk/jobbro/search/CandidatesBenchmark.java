package dk.jobbro.search;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenRepository;
import dk.jobbro.employer.Employer;
import dk.jobbro.employer.EmployerRepository;
import dk.jobbro.matching.CitizenFacts;
import dk.jobbro.matching.MatchingProbe;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingRepository;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.context.ApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.reflect.RecordComponent;
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
 * Benchmark of the reverse search: candidates for a posting among 300,000 generated citizens from the citizen
 * index, against the exhaustive answer (every citizen scored) and against the old path (every citizen whose commute
 * box covers the posting loaded from MariaDB and scored), in the same run. A plain main, single-threaded; not a test.
 *
 * <pre>
 *   ./mvnw -o -q -Pcandidates-benchmark test-compile exec:exec
 *   ./mvnw -o -q -Pcandidates-benchmark test-compile exec:exec -Dbenchmark.args="citizens=30000 sample=100"
 * </pre>
 *
 * Arguments ({@code name=value}): citizens, postings (in the posting index: IDF and text), sample (postings also in
 * the database, the ones timed), rounds (timed passes over the sample), warmup, exhaustive (sample postings checked
 * against the exhaustive ranking), database (sample postings run the old database path), seed.
 */
public final class CandidatesBenchmark {

    private static final int TOP = 20;
    private static long sink;

    private CandidatesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> a = new HashMap<>(Map.of("citizens", 300_000, "postings", 100_000, "sample", 300,
                "rounds", 3, "warmup", 300, "exhaustive", 100, "database", 20, "seed", 42));
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
        PostingIndex postingIndex = context.getBean(PostingIndex.class);
        CitizenIndex citizenIndex = context.getBean(CitizenIndex.class);
        CitizenIndexer indexer = context.getBean(CitizenIndexer.class);
        MatchingService matching = context.getBean(MatchingService.class);
        Taxonomy taxonomy = context.getBean(Taxonomy.class);
        CitizenRepository citizenRepository = context.getBean(CitizenRepository.class);
        PostingRepository postingRepository = context.getBean(PostingRepository.class);
        EmployerRepository employerRepository = context.getBean(EmployerRepository.class);
        SyntheticDenmark denmark = new SyntheticDenmark(resources, a.get("seed"));

        // ---- postings: all in the posting index (IDF, text); the sample also in the database, with their employers.
        int n = a.get("postings");
        int sampleSize = a.get("sample");
        List<Posting> generated = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            generated.add(denmark.posting(i));
        }
        long t0 = System.nanoTime();
        List<Employer> employers = new ArrayList<>();
        for (long id = 1; id <= denmark.employers().size(); id++) {
            SyntheticDenmark.Employer e = denmark.employers().get(id);
            employers.add(new Employer(null, e.name(), String.format(Locale.ROOT, "%08d", 10_000_000 + id), null,
                    "Industrivej 1", e.place().postcode(), e.place().town(), e.place().latitude(),
                    e.place().longitude(), 5 + (int) (id % 200), null, java.time.Instant.now(),
                    java.time.Instant.now()));
        }
        for (int from = 0; from < employers.size(); from += 1000) {
            List<Employer> saved = new ArrayList<>();
            employerRepository.saveAll(employers.subList(from, Math.min(employers.size(), from + 1000)))
                    .forEach(saved::add);
            for (int i = 0; i < saved.size(); i++) {
                check(saved.get(i).id() == from + i + 1, "employer ids follow the generator's");
            }
        }
        List<Posting> sample = new ArrayList<>();
        for (int i = 0; i < sampleSize; i++) {
            Posting saved = postingRepository.save(withId(generated.get(i), null));
            check(saved.id() == i + 1, "posting ids follow the generator's");
            sample.add(saved);
        }
        for (Posting p : generated) {
            postingIndex.upsert(p.id(), PostingDocuments.toDocument(p,
                    denmark.employers().get(p.employerId()).name(), taxonomy));
        }
        postingIndex.commit(Map.of("benchmark", "true"));
        postingIndex.refresh();
        generated = null;
        System.out.printf(Locale.ROOT, "%nPostings: %,d in the posting index, %,d of them (and %,d employers) in the"
                + " database, in %.1f s%n", n, sampleSize, employers.size(), (System.nanoTime() - t0) / 1e9);
        employers = null;

        // ---- citizens: into the database in batches; their facts kept; then the index built from the facts.
        int citizens = a.get("citizens");
        long heapBefore = heapAfterGc();
        List<CitizenFacts> facts = new ArrayList<>(citizens);
        long dbNanos = 0;
        long factNanos = 0;
        List<Citizen> batch = new ArrayList<>(1000);
        for (int i = 1; i <= citizens; i++) {
            batch.add(withId(denmark.nationalCitizen(i), null));
            if (batch.size() == 1000 || i == citizens) {
                long d0 = System.nanoTime();
                List<Citizen> saved = new ArrayList<>();
                citizenRepository.saveAll(batch).forEach(saved::add);
                long d1 = System.nanoTime();
                for (Citizen c : saved) {
                    facts.add(indexer.facts(c, List.of()));
                }
                factNanos += System.nanoTime() - d1;
                dbNanos += d1 - d0;
                batch.clear();
            }
        }
        long heapFacts = heapAfterGc();
        citizenIndex.deleteAll();
        long b0 = System.nanoTime();
        for (CitizenFacts f : facts) {
            citizenIndex.upsert(f);
        }
        long b1 = System.nanoTime();
        citizenIndex.commit(Map.of("benchmark", "true"));
        citizenIndex.refresh();
        long b2 = System.nanoTime();
        facts = null;
        long heapIndex = heapAfterGc();
        Path indexPath = Path.of(citizenIndex.path());
        System.out.printf(Locale.ROOT, "%nCitizen index (%,d citizens, population-weighted homes)%n", citizens);
        row("  written to MariaDB (not part of the build)", String.format(Locale.ROOT, "%.1f s", dbNanos / 1e9));
        row("  build: facts from profiles", String.format(Locale.ROOT, "%.1f s", factNanos / 1e9));
        row("  build: documents + upsert", String.format(Locale.ROOT, "%.1f s", (b1 - b0) / 1e9));
        row("  build: commit + refresh", String.format(Locale.ROOT, "%.1f s", (b2 - b1) / 1e9));
        double build = (factNanos + b2 - b0) / 1e9;
        row("  build total (target <= 60 s)", String.format(Locale.ROOT, "%.1f s %s", build, mark(build <= 60)));
        row("  index on disk", String.format(Locale.ROOT, "%.1f MB in %d segments", sizeOf(indexPath) / 1e6,
                citizenIndex.search(s -> s.getIndexReader().leaves().size())));
        row("  heap: in-memory facts", String.format(Locale.ROOT, "%.1f MB (%.0f bytes a citizen)",
                (heapFacts - heapBefore) / 1e6, (double) (heapFacts - heapBefore) / citizens));
        row("  heap: facts + open index", String.format(Locale.ROOT, "%.1f MB", (heapIndex - heapBefore) / 1e6));
        long r0 = System.nanoTime();
        int rebuilt = indexer.rebuild();
        double rebuild = (System.nanoTime() - r0) / 1e9;
        row("  rebuild from MariaDB (start-up path)", String.format(Locale.ROOT, "%,d citizens in %.1f s %s", rebuilt,
                rebuild, mark(rebuild <= 60)));

        // ---- latency, interleaved: the whole call, the index ranking alone, the employer's count.
        for (int i = 0; i < a.get("warmup"); i++) {
            Posting p = sample.get(i % sample.size());
            sink += MatchingProbe.candidatesFromIndex(matching, p, TOP, null).size();
            sink += matching.candidatesFor(p.id(), TOP).size();
            sink += matching.candidateCount(p.id()).text().length();
        }
        int queries = a.get("rounds") * sample.size();
        long[] full = new long[queries];
        long[] ranking = new long[queries];
        long[] count = new long[queries];
        long[] pages = new long[queries];
        long[] hits = new long[queries];
        long[] texts = new long[queries];
        int[] effort = new int[3];
        for (int q = 0; q < queries; q++) {
            Posting p = sample.get(q % sample.size());
            long s0 = System.nanoTime();
            sink += MatchingProbe.candidatesFromIndex(matching, p, TOP, effort).size();
            long s1 = System.nanoTime();
            sink += matching.candidatesFor(p.id(), TOP).size();
            long s2 = System.nanoTime();
            sink += matching.candidateCount(p.id()).text().length();
            long s3 = System.nanoTime();
            ranking[q] = s1 - s0;
            full[q] = s2 - s1;
            count[q] = s3 - s2;
            pages[q] = effort[0];
            hits[q] = effort[1];
            texts[q] = effort[2];
        }
        System.out.printf(Locale.ROOT, "%nLatency over %,d calls (%d postings x %d rounds) after %,d warm-up, single"
                + " thread (ms)%n", queries, sample.size(), a.get("rounds"), a.get("warmup"));
        System.out.printf(Locale.ROOT, "  %-44s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "max", "mean");
        Arrays.sort(full);
        Arrays.sort(ranking);
        Arrays.sort(count);
        printLatency("candidatesFor(posting, 20), whole call", full);
        printLatency("  of which the index ranking (top 20 ids)", ranking);
        printLatency("candidateCount(posting)", count);
        System.out.printf(Locale.ROOT, "  targets: candidatesFor p50 <= 10 ms %s, p99 <= 50 ms %s; count p50 <= 10 ms %s%n",
                mark(pct(full, 50) <= 10), mark(pct(full, 99) <= 50), mark(pct(count, 50) <= 10));
        Arrays.sort(pages);
        Arrays.sort(hits);
        Arrays.sort(texts);
        System.out.printf(Locale.ROOT, "  work per ranking: pages p50 %d / max %d, citizens scored p50 %d / p99 %d / max"
                        + " %d, text queries p50 %d / max %d%n", pages[queries / 2], pages[queries - 1],
                hits[queries / 2], hits[(int) (queries * 0.99)], hits[queries - 1], texts[queries / 2],
                texts[queries - 1]);

        // What the searches added: each segment's arrays (ids, skills, homes, the skill norms of the IDF view) and
        // the posting searcher's text weights, on top of the facts and the open index.
        long heapSearched = heapAfterGc();
        row("  heap: facts + index + per-segment arrays, after the searches",
                String.format(Locale.ROOT, "%.1f MB", (heapSearched - heapBefore) / 1e6));

        // ---- the whole call's work in MariaDB, each part timed alone: what the call adds to the ranking besides the
        // explanations.
        long[] postingRead = new long[sample.size()];
        long[] employerRead = new long[sample.size()];
        long[] citizensRead = new long[sample.size()];
        long[] auditWrite = new long[sample.size()];
        dk.jobbro.security.Access access = context.getBean(dk.jobbro.security.Access.class);
        for (int i = 0; i < sample.size(); i++) {
            Posting p = sample.get(i);
            List<Long> top = MatchingProbe.candidatesFromIndex(matching, p, TOP, null);
            long m0 = System.nanoTime();
            sink += postingRepository.findById(p.id()).map(Posting::id).orElse(0L);
            long m1 = System.nanoTime();
            sink += employerRepository.findById(p.employerId()).map(Employer::id).orElse(0L);
            long m2 = System.nanoTime();
            sink += top.isEmpty() ? 0 : citizenRepository.findByIdIn(top).size();
            long m3 = System.nanoTime();
            access.citizensListed(top);
            long m4 = System.nanoTime();
            auditWrite[i] = m4 - m3;
            postingRead[i] = m1 - m0;
            employerRead[i] = m2 - m1;
            citizensRead[i] = m3 - m2;
        }
        Arrays.sort(postingRead);
        Arrays.sort(employerRead);
        Arrays.sort(citizensRead);
        Arrays.sort(auditWrite);
        System.out.printf(Locale.ROOT, "%nThe call's work in MariaDB, each part alone, %d postings (ms)%n", sample.size());
        System.out.printf(Locale.ROOT, "  %-44s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "max", "mean");
        printLatency("the posting (findById)", postingRead);
        printLatency("its employer (findById)", employerRead);
        printLatency("the top 20 citizens (findByIdIn)", citizensRead);
        printLatency("20 audit rows (Access.citizensListed)", auditWrite);

        // ---- agreement with the exhaustive ranking of every citizen (in-memory facts), and the count.
        int exhaustive = Math.min(a.get("exhaustive"), sample.size());
        int agree = 0;
        long eligibleSum = 0;
        long ex0 = System.nanoTime();
        for (int i = 0; i < exhaustive; i++) {
            Posting p = sample.get(i);
            List<Long> index = MatchingProbe.candidatesFromIndex(matching, p, TOP, null);
            List<Long> eligible = MatchingProbe.candidatesExhaustively(matching, p, citizenIndex.allFacts(),
                    Integer.MAX_VALUE);
            List<Long> all = eligible.subList(0, Math.min(TOP, eligible.size()));
            if (index.equals(all)) {
                agree++;
            } else {
                System.out.println("  DISAGREE posting " + p.id() + ": index " + index + " exhaustive " + all);
            }
            eligibleSum += eligible.size();
        }
        System.out.printf(Locale.ROOT, "%nTop %d from the index = exhaustive ranking of all %,d citizens: %d of %d"
                        + " postings (%.1f %%) %s; eligible citizens per posting (mean) %,.0f; %.1f s%n", TOP,
                citizens, agree, exhaustive, 100.0 * agree / exhaustive, mark(agree == exhaustive),
                (double) eligibleSum / exhaustive, (System.nanoTime() - ex0) / 1e9);

        // ---- the old path: every citizen in the commute box loaded from MariaDB and scored (baseline, on a sample).
        int database = Math.min(a.get("database"), sample.size());
        long[] old = new long[database];
        long[] oldCount = new long[database];
        int oldAgree = 0;
        int countAgree = 0;
        for (int i = 0; i < database; i++) {
            Posting p = sample.get(i);
            long o0 = System.nanoTime();
            List<Long> fromDb = MatchingProbe.candidatesFromDatabase(matching, p.id(), TOP);
            long o1 = System.nanoTime();
            int dbCount = MatchingProbe.candidateCountFromDatabase(matching, p.id());
            long o2 = System.nanoTime();
            old[i] = o1 - o0;
            oldCount[i] = o2 - o1;
            if (fromDb.equals(MatchingProbe.candidatesFromIndex(matching, p, TOP, null))) {
                oldAgree++;
            }
            if (matching.candidateCount(p.id()).equals(dk.jobbro.matching.CandidateCountDisclosure.of(dbCount))) {
                countAgree++;
            }
        }
        Arrays.sort(old);
        Arrays.sort(oldCount);
        System.out.printf(Locale.ROOT, "%nOld path from MariaDB on the first %d postings (ms)%n", database);
        System.out.printf(Locale.ROOT, "  %-44s %8s %8s %8s %8s %8s%n", "", "p50", "p90", "p99", "max", "mean");
        printLatency("candidates from the database, exhaustive", old);
        printLatency("count from the database, exhaustive", oldCount);
        System.out.printf(Locale.ROOT, "  same top %d as the index: %d of %d; same disclosed count: %d of %d%n", TOP,
                oldAgree, database, countAgree, database);
        System.out.println("(results seen: " + sink + ")");
    }

    /** A copy of a record with another id (its first component). */
    @SuppressWarnings("unchecked")
    static <R extends Record> R withId(R record, Long id) {
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = i == 0 ? id : components[i].getAccessor().invoke(record);
            }
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("Benchmark set-up: " + what);
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long sizeOf(Path dir) throws java.io.IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void printLatency(String name, long[] sorted) {
        System.out.printf(Locale.ROOT, "  %-44s %8.2f %8.2f %8.2f %8.2f %8.2f%n", name, pct(sorted, 50),
                pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6,
                Arrays.stream(sorted).average().orElse(0) / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1e6;
    }

    private static String mark(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static void row(String name, String value) {
        System.out.printf(Locale.ROOT, "%-44s %s%n", name, value);
    }
}
