package dk.jobbro.rematch;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenRepository;
import dk.jobbro.matching.EligibilityPolicy;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.matching.ScoringWeights;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.search.NationalDenmark;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The nightly run at national scale: a generated Denmark (seeded, {@link NationalDenmark}) in MariaDB, then full
 * runs over a growing number of citizens against the same open postings, each through the job engine as in
 * production, then the largest again with two instances on the one database; and, on a sample of citizens, the top
 * 20 of Jobbro's matching against an exhaustive scan in Java and a plain SQL scoring query. A plain main, not a test.
 *
 * <pre>
 *   ./mvnw -o -q -Prematch-benchmark test-compile exec:exec
 *   ./mvnw -o -q -Prematch-benchmark test-compile exec:exec -Dbenchmark.args="sizes=30000 two=0"
 * </pre>
 *
 * Arguments ({@code name=value}): sizes (citizens per run, growing, comma-separated), postings (open postings),
 * seed, two (1: the largest size again on two instances), sample (citizens compared with SQL and the scan).
 */
public final class RematchBenchmark {

    private static final int TOP = 20;

    private RematchBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace(System.out);
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>(Map.of("sizes", "30000,100000,300000", "postings", "100000",
                "seed", "42", "two", "1", "sample", "200"));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv[1]);
        }
        Path resources = Path.of("index");
        Map<String, Object> base = new HashMap<>(Map.of(
                "jobbro.demo-data.enabled", false,
                "jobbro.taxonomy.seed-dir", resources.resolve("taxonomy").toString(),
                "jobbro.resources-dir", resources.toString()));
        System.out.printf(Locale.ROOT, "Rematch benchmark: %s; %d cores, JDK %s, max heap %d MB%n", a,
                Runtime.getRuntime().availableProcessors(), Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).trim());

        // The generator's context owns the database and takes no chunks; the instances measured join it by URL.
        Map<String, Object> generatorProps = new HashMap<>(base);
        generatorProps.put("jobbro.rematch.job-engine-enabled", false);
        // Nor does it follow the database into indexes of its own: its followers would index the 100,000 postings
        // written below while instance A rebuilds its index, and every change of the run, on the same two cores.
        generatorProps.put("jobbro.index.follow-interval", "1h");
        try (ApplicationContext generator = context(generatorProps, "generator", null)) {
            DataSource db = DelegatingDataSource.unwrapDataSource(generator.getBean(DataSource.class));
            String url = generator.getRequiredProperty("datasources.default.url", String.class);
            base.put("datasources.default.username", generator.getProperty("datasources.default.username",
                    String.class).orElse("root"));
            base.put("datasources.default.password", generator.getProperty("datasources.default.password",
                    String.class).orElse(""));
            NationalDenmark world = new NationalDenmark(resources,
                    Path.of("src/test/resources/national/municipalities.csv"), Long.parseLong(a.get("seed")),
                    generator.getBean(JsonMapper.class));
            NationalDenmark.Written p = world.writePostings(db, Integer.parseInt(a.get("postings")));
            System.out.printf(Locale.ROOT, "%nGenerated %,d employers and %,d postings (%,d open) in %d municipalities"
                            + " in %.1f s (%,.0f rows/s)%n", p.employers(), p.postings(), p.openPostings(),
                    world.municipalityCount(), p.seconds(), p.rowsPerSecond());

            Map<String, Object> instance = new HashMap<>(base);
            long t0 = System.nanoTime();
            ApplicationContext first = context(instance, "instance-a", url);
            System.out.printf(Locale.ROOT, "Instance A up (posting index rebuilt from the database) in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            int have = 0;
            List<Integer> sizes = Arrays.stream(a.get("sizes").split(",")).map(Integer::parseInt).toList();
            System.out.printf(Locale.ROOT, "%n%-9s %8s %9s %10s %11s %9s %9s %9s %9s  %s%n", "citizens",
                    "wall s", "cit/s", "rows", "rows/s", "heap MB", "after GC", "RSS MB", "db RSS", "time split (worker-thread s)");
            for (int size : sizes) {
                NationalDenmark.Written c = world.writeCitizens(db, size - have);
                have = size;
                System.out.printf(Locale.ROOT, "(generated %,d citizens with %,d circumstances in %.1f s, %,.0f rows/s)%n",
                        c.citizens(), c.circumstances(), c.seconds(), c.rowsPerSecond());
                // At 02:00 in production the followers have long caught up with the day's writes; here the postings,
                // employers and citizens were written moments ago, within their 30 s window. Start when followed.
                System.out.printf(Locale.ROOT, "(followers caught up with the writes after %.1f s)%n",
                        dk.jobbro.search.Following.awaitCaughtUp(first, java.time.Instant.now(),
                                java.time.Duration.ofMinutes(5)));
                measure(String.valueOf(size), db, List.of(first));
            }
            if (a.get("two").equals("1")) {
                ApplicationContext second = context(instance, "instance-b", url);
                measure(have + " x2", db, List.of(first, second));
                second.close();
            }
            compare(first, db, Integer.parseInt(a.get("sample")));
            first.close();
        }
        System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).trim());
    }

    private static ApplicationContext context(Map<String, Object> props, String name, String url) {
        if (url != null) {
            System.setProperty("datasources.default.url", url);
        }
        try {
            Map<String, Object> p = new HashMap<>(props);
            if (url != null) {
                p.put("jobbro.index.path", tempDir(name).toString());
            }
            return ApplicationContext.builder().propertySources(PropertySource.of(name, p, 300))
                    .deduceEnvironment(false).start();
        } finally {
            System.clearProperty("datasources.default.url");
        }
    }

    private static Path tempDir(String name) {
        try {
            return Files.createTempDirectory("jobbro-rematch-benchmark-" + name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One full run started on the first instance; every instance's job engine takes chunks. */
    private static void measure(String label, DataSource db, List<ApplicationContext> instances) throws Exception {
        instances.forEach(i -> i.getBean(RematchStepTimes.class).reset());
        Peak peak = Peak.start();
        long started = System.nanoTime();
        RematchRuns runs = instances.getFirst().getBean(RematchRuns.class);
        RematchRun run = runs.start(RematchRun.StartedBy.COMMAND);
        while (run.state() != RematchRun.State.DONE) {
            Thread.sleep(250);
            run = runs.progress(run.id());
        }
        double wall = (System.nanoTime() - started) / 1e9;
        peak.stop();
        long rows = count(db, "SELECT COUNT(*) FROM rematch_match WHERE run_id = " + run.id());
        long candidates = count(db, "SELECT COALESCE(SUM(matched), 0) FROM rematch_chunk WHERE run_id = " + run.id());
        Map<RematchStepTimes.Step, Long> split = new LinkedHashMap<>();
        for (ApplicationContext i : instances) {
            i.getBean(RematchStepTimes.class).snapshot().forEach((s, n) -> split.merge(s, n, Long::sum));
        }
        String splitText = split.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.1f",
                e.getKey().name().toLowerCase(Locale.ROOT), e.getValue() / 1e9)).collect(Collectors.joining(", "));
        RematchRun.Report r = run.report();
        System.out.printf(Locale.ROOT, "%-9s %8.1f %9.0f %10d %11.0f %9d %9d %9d %9d  prepare %.1f, %s%n", label,
                wall, run.citizensDone() / wall, rows, rows / wall, peak.heapBytes >> 20, peak.afterGcBytes >> 20,
                peak.rssBytes >> 20,
                peak.dbRssBytes >> 20, r.prepareMillis() / 1e3, splitText);
        System.out.printf(Locale.ROOT, "          run %d: prepare %.1f s, match %.1f s, finish %.1f s; %,d proposals to"
                        + " %,d citizens, %,d held back by the fatigue cap (per posting max %d, p95 %d); %,d new, %,d"
                        + " dropped; %,d failed; %,d citizens matched in chunks%n", run.id(), r.prepareMillis() / 1e3,
                r.matchMillis() / 1e3, r.finishMillis() / 1e3, r.proposals(), r.citizensMatched(),
                r.heldBackByFatigueCap(), r.perPostingMax(), r.perPostingP95(), r.newMatches(), r.dropped(),
                r.failed(), candidates);
        if (instances.size() > 1) {
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT done_by, COUNT(*), SUM(citizens), SUM(millis) FROM rematch_chunk"
                         + " WHERE run_id = " + run.id() + " GROUP BY done_by ORDER BY done_by")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "          %s: %d chunks, %,d citizens, %.1f s in chunks%n",
                            rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4) / 1e3);
                }
            }
        }
    }

    /**
     * On a sample of citizens: Jobbro's top 20 against (a) a plain SQL scoring query in MariaDB with the same hard
     * rules it can express and the skill, occupation and distance parts, and (b) an exhaustive scan in Java (every
     * eligible posting scored by the same code). Overlap: the share of Jobbro's top 20 also in the other's.
     */
    private static void compare(ApplicationContext context, DataSource db, int sample) throws SQLException {
        MatchingService matching = context.getBean(MatchingService.class);
        CitizenRepository citizens = context.getBean(CitizenRepository.class);
        EligibilityPolicy policy = context.getBean(EligibilityPolicy.class);
        ScoringWeights weights = matching.weights();
        long total = count(db, "SELECT MAX(id) FROM citizen");
        List<Citizen> picked = new ArrayList<>();
        for (int i = 0; i < sample; i++) {
            citizens.findById(1 + (i * 7919L) % total).ifPresent(picked::add);
        }
        for (Citizen c : picked.subList(0, Math.min(20, picked.size()))) { // warm-up
            matching.matchesFor(c, TOP, weights);
            exhaustive(context, matching, c, weights);
            sqlTop(db, c, weights, policy);
        }
        long ours = 0;
        long scan = 0;
        long sql = 0;
        long agreeScan = 0;
        long agreeSql = 0;
        long listed = 0;
        for (Citizen c : picked) {
            long t = System.nanoTime();
            List<Long> mine = ids(matching.matchesFor(c, TOP, weights));
            ours += System.nanoTime() - t;
            t = System.nanoTime();
            Set<Long> all = new HashSet<>(exhaustive(context, matching, c, weights));
            scan += System.nanoTime() - t;
            t = System.nanoTime();
            Set<Long> bySql = new HashSet<>(sqlTop(db, c, weights, policy));
            sql += System.nanoTime() - t;
            listed += mine.size();
            agreeScan += mine.stream().filter(all::contains).count();
            agreeSql += mine.stream().filter(bySql::contains).count();
        }
        int n = picked.size();
        System.out.printf(Locale.ROOT, "%nTop %d on %d sampled citizens (mean ms per citizen; overlap = share of Jobbro's"
                + " list also in the other's)%n", TOP, n);
        System.out.printf(Locale.ROOT, "  %-44s %8.2f%n", "Jobbro matchesFor (exact top k)", ours / 1e6 / n);
        System.out.printf(Locale.ROOT, "  %-44s %8.2f  x%.1f  overlap %.1f %%%n", "exhaustive scan in Java (every eligible posting)",
                scan / 1e6 / n, (double) scan / ours, 100.0 * agreeScan / Math.max(1, listed));
        System.out.printf(Locale.ROOT, "  %-44s %8.2f  x%.1f  overlap %.1f %%%n", "plain SQL scoring query in MariaDB",
                sql / 1e6 / n, (double) sql / ours, 100.0 * agreeSql / Math.max(1, listed));
    }

    /** Every posting the hard filters pass scored by MatchScorer.score, one by one: no bound, no shortcut. */
    private static List<Long> exhaustive(ApplicationContext context, MatchingService matching, Citizen c,
                                         ScoringWeights weights) {
        return dk.jobbro.search.ExhaustiveRanking.topIds(context,
                dk.jobbro.matching.MatchingProbe.criteria(matching, c, weights), c.targetGroup().activityReady(), TOP);
    }

    /**
     * The SQL baseline: open postings of an allowed kind within the citizen's commute (great-circle) and hours,
     * scored by the share of required skills the citizen has, a wanted occupation (same code, unit group, minor
     * group) and distance, with config/scoring.yml's weights. What SQL cannot say simply (IDF, text, support,
     * languages, the ratio rule, physical demands) it leaves out.
     */
    private static List<Long> sqlTop(DataSource db, Citizen c, ScoringWeights w, EligibilityPolicy policy)
            throws SQLException {
        List<String> kinds = new ArrayList<>();
        for (PostingKind k : policy.allowedKinds(c.targetGroup())) {
            kinds.add("'" + k.name() + "'");
        }
        if (kinds.isEmpty()) {
            return List.of();
        }
        String skills = "[" + c.skills().stream().map(s -> "\"" + s.code() + "\"").collect(Collectors.joining(","))
                + "]";
        String wanted = "[" + c.occupationsWanted().stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(","))
                + "]";
        String first = c.occupationsWanted().isEmpty() ? "" : c.occupationsWanted().getFirst();
        double dLat = c.maxCommuteKm() / 111.2;
        double dLon = c.maxCommuteKm() / (111.2 * Math.cos(Math.toRadians(c.homeLatitude())));
        String sql = "SELECT p.id, ? * COALESCE((SELECT COUNT(*) FROM JSON_TABLE(p.required_skills, '$[*]' COLUMNS"
                + " (s VARCHAR(100) PATH '$')) r WHERE JSON_CONTAINS(?, JSON_QUOTE(r.s))) / NULLIF(JSON_LENGTH("
                + "p.required_skills), 0), 0)"
                + " + ? * CASE WHEN JSON_CONTAINS(?, JSON_QUOTE(p.occupation_code)) THEN 1"
                + " WHEN LEFT(p.occupation_code, 4) = LEFT(?, 4) THEN ? WHEN LEFT(p.occupation_code, 3) = LEFT(?, 3)"
                + " THEN ? ELSE 0 END"
                + " + ? * ? / (? + ST_Distance_Sphere(POINT(p.longitude, p.latitude), POINT(?, ?)) / 1000) AS score"
                + " FROM posting p WHERE p.status = 'OPEN' AND (p.application_deadline IS NULL"
                + " OR p.application_deadline >= CURDATE()) AND p.slots_filled < p.slots AND p.kind IN ("
                + String.join(",", kinds) + ") AND p.hours_min <= ?"
                + " AND p.latitude BETWEEN ? AND ? AND p.longitude BETWEEN ? AND ?"
                + " AND ST_Distance_Sphere(POINT(p.longitude, p.latitude), POINT(?, ?)) <= ? * 1000"
                + " ORDER BY score DESC, p.id LIMIT " + TOP;
        try (Connection conn = db.getConnection(); PreparedStatement s = conn.prepareStatement(sql)) {
            int i = 1;
            s.setDouble(i++, w.skills());
            s.setString(i++, skills);
            s.setDouble(i++, w.occupation());
            s.setString(i++, wanted);
            s.setString(i++, first);
            s.setDouble(i++, w.occupationSameUnitGroup());
            s.setString(i++, first);
            s.setDouble(i++, w.occupationSameMinorGroup());
            s.setDouble(i++, w.distance());
            s.setDouble(i++, w.distancePivotKm());
            s.setDouble(i++, w.distancePivotKm());
            s.setDouble(i++, c.homeLongitude());
            s.setDouble(i++, c.homeLatitude());
            s.setInt(i++, c.maxHoursPerWeek());
            s.setDouble(i++, c.homeLatitude() - dLat);
            s.setDouble(i++, c.homeLatitude() + dLat);
            s.setDouble(i++, c.homeLongitude() - dLon);
            s.setDouble(i++, c.homeLongitude() + dLon);
            s.setDouble(i++, c.homeLongitude());
            s.setDouble(i++, c.homeLatitude());
            s.setInt(i, c.maxCommuteKm());
            List<Long> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
            return out;
        }
    }

    private static List<Long> ids(List<MatchingService.PostingMatch> matches) {
        return matches.stream().map(m -> m.posting().id()).toList();
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    /**
     * Peak heap in use (sampled every 100 ms, so with the garbage G1 has not collected yet: under {@code -Xmx2g} it
     * lets the young generation grow towards the limit), peak heap in use right after a collection (what the run
     * holds alive, plus old garbage not yet reclaimed), peak RSS of this JVM (VmHWM, reset first) and of mariadbd.
     */
    private static final class Peak {
        private final Thread sampler;
        private final AtomicLong heap = new AtomicLong();
        private final AtomicLong afterGc = new AtomicLong();
        private final List<Runnable> unsubscribe = new ArrayList<>();
        private final AtomicLong db = new AtomicLong();
        private volatile boolean running = true;
        long heapBytes;
        long afterGcBytes;
        long rssBytes;
        long dbRssBytes;

        private Peak() {
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            } catch (Exception e) {
                System.out.println("(cannot reset the peak RSS: " + e.getMessage() + ")");
            }
            Long dbPid = ProcessHandle.current().descendants()
                    .filter(p -> p.info().command().orElse("").contains("mariadbd")).map(ProcessHandle::pid)
                    .findFirst().orElse(null);
            sampler = new Thread(() -> {
                while (running) {
                    heap.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                    if (dbPid != null) {
                        db.accumulateAndGet(statusKb("/proc/" + dbPid + "/status", "VmRSS:") * 1024, Math::max);
                    }
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "peak-sampler");
            sampler.setDaemon(true);
            sampler.start();
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .map(java.lang.management.MemoryPoolMXBean::getName).collect(Collectors.toSet());
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof javax.management.NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, handback) -> {
                        if (n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo
                                .GARBAGE_COLLECTION_NOTIFICATION)) {
                            long used = com.sun.management.GarbageCollectionNotificationInfo
                                    .from((javax.management.openmbean.CompositeData) n.getUserData()).getGcInfo()
                                    .getMemoryUsageAfterGc().entrySet().stream()
                                    .filter(e -> heapPools.contains(e.getKey()))
                                    .mapToLong(e -> e.getValue().getUsed()).sum();
                            afterGc.accumulateAndGet(used, Math::max);
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    unsubscribe.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
            }
        }

        static Peak start() {
            return new Peak();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
            unsubscribe.forEach(Runnable::run);
            heapBytes = heap.get();
            afterGcBytes = afterGc.get();
            rssBytes = statusKb("/proc/self/status", "VmHWM:") * 1024;
            dbRssBytes = db.get();
        }

        private static long statusKb(String file, String key) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    if (line.startsWith(key)) {
                        return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                    }
                }
            } catch (Exception e) {
                return 0;
            }
            return 0;
        }
    }
}
