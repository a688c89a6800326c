package dk.jobbro.matching;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.CitizenRequest;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.employer.EmployerRequest;
import dk.jobbro.employer.EmployerService;
import dk.jobbro.posting.PostingRequest;
import dk.jobbro.posting.PostingService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Relevance evaluation of matching against the hand-labelled set in
 * {@code src/test/resources/evaluation/relevance-set.json}: loads it through the real services into a fresh
 * embedded database, matches every citizen and reports recall@10 and nDCG@10 (mean over citizens), and an
 * ablation with each score component switched off in turn.
 *
 * <pre>
 *   ./mvnw -o -q -Prelevance test-compile exec:exec
 * </pre>
 *
 * nDCG uses linear gain (grade / log2(rank + 1)), as trec_eval does; the ideal ranking is all judged postings by
 * grade. Recall counts every judged posting (grade 1-3). Unjudged postings count as not relevant.
 */
public final class RelevanceEvaluation {

    static final String SET = "/evaluation/relevance-set.json";
    static final int K = 10;
    static final List<String> COMPONENTS = ScoringWeights.COMPONENTS;

    /** Properties for a context to evaluate in: the full seed taxonomy the set is written against, no demo data. */
    public static final Map<String, Object> CONTEXT_PROPERTIES = Map.of(
            "jobbro.demo-data.enabled", false,
            "jobbro.taxonomy.seed-dir", "index/taxonomy",
            "jobbro.resources-dir", "index");

    /** One citizen's result: the ranked posting refs and the judged grades. */
    record CitizenResult(String ref, List<String> ranked, Map<String, Integer> judged, double recall, double ndcg) {

        boolean topIsRelevant() {
            return !ranked.isEmpty() && judged.getOrDefault(ranked.get(0), 0) > 0;
        }
    }

    /** Metrics for one set of weights. */
    record Run(String name, List<CitizenResult> citizens) {

        double recall() {
            return citizens.stream().mapToDouble(CitizenResult::recall).average().orElse(0);
        }

        double ndcg() {
            return citizens.stream().mapToDouble(CitizenResult::ndcg).average().orElse(0);
        }

        double topOneRelevant() {
            return citizens.stream().filter(CitizenResult::topIsRelevant).count() / (double) citizens.size();
        }
    }

    /** The loaded set: database ids by ref, and the citizens with their judgements. */
    record LoadedSet(String version, Map<Long, String> postingRefs, Map<String, Long> postingIds,
                     List<LabelledCitizen> citizens) {
    }

    record LabelledCitizen(String ref, Citizen citizen, Map<String, Integer> judged) {
    }

    private final MatchingService matching;
    private final LoadedSet set;

    RelevanceEvaluation(ApplicationContext context) {
        this.matching = context.getBean(MatchingService.class);
        this.set = load(context);
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder().properties(CONTEXT_PROPERTIES)
                .deduceEnvironment(false).start()) {
            RelevanceEvaluation evaluation = new RelevanceEvaluation(context);
            evaluation.print();
        }
        System.exit(0);
    }

    Run run(String name, ScoringWeights weights) {
        List<CitizenResult> results = new ArrayList<>();
        for (LabelledCitizen c : set.citizens()) {
            List<String> ranked = matching.matchesFor(c.citizen(), K, weights).stream()
                    .map(m -> set.postingRefs().getOrDefault(m.posting().id(), "?" + m.posting().id())).toList();
            results.add(new CitizenResult(c.ref(), ranked, c.judged(), recall(ranked, c.judged()),
                    ndcg(ranked, c.judged())));
        }
        return new Run(name, results);
    }

    Run current() {
        return run("current (" + matching.weights().version() + ")", matching.weights());
    }

    /** The current weights with one component set to 0. */
    List<Run> ablation() {
        List<Run> runs = new ArrayList<>();
        for (String component : COMPONENTS) {
            runs.add(run("without " + component, without(matching.weights(), component)));
        }
        return runs;
    }

    static ScoringWeights without(ScoringWeights w, String component) {
        return w.with(component, 0).named(w.version() + "-without-" + component);
    }

    static <T> double recallOf(List<T> ranked, Map<T, Integer> judged, int k) {
        long relevant = judged.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 1;
        }
        long found = ranked.stream().limit(k).filter(r -> judged.getOrDefault(r, 0) > 0).count();
        return (double) found / Math.min(relevant, k);
    }

    static <T> double ndcgOf(List<T> ranked, Map<T, Integer> judged, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += judged.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 1 : dcg / idcg;
    }

    static double recall(List<String> ranked, Map<String, Integer> judged) {
        long relevant = judged.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 1;
        }
        long found = ranked.stream().limit(K).filter(r -> judged.getOrDefault(r, 0) > 0).count();
        return (double) found / relevant;
    }

    static double ndcg(List<String> ranked, Map<String, Integer> judged) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            dcg += judged.getOrDefault(ranked.get(i), 0) / log2(i + 2);
        }
        List<Integer> ideal = judged.values().stream().filter(g -> g > 0).sorted((a, b) -> b - a).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(K, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 1 : dcg / idcg;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    void print() {
        Run current = current();
        System.out.println();
        System.out.printf(Locale.ROOT, "Relevance set %s: %d postings, %d citizens, %d judgements%n", set.version(),
                set.postingIds().size(), set.citizens().size(),
                set.citizens().stream().mapToInt(c -> c.judged().size()).sum());
        System.out.println();
        System.out.println("Per citizen (top 5; grade in brackets; misses are judged postings outside the top 10)");
        Map<String, LabelledCitizen> byRef = new HashMap<>();
        set.citizens().forEach(c -> byRef.put(c.ref(), c));
        for (CitizenResult r : current.citizens()) {
            StringBuilder top = new StringBuilder();
            for (String ref : r.ranked().subList(0, Math.min(5, r.ranked().size()))) {
                top.append(ref).append('[').append(r.judged().getOrDefault(ref, 0)).append("] ");
            }
            StringBuilder misses = new StringBuilder();
            for (var j : r.judged().entrySet()) {
                if (!r.ranked().contains(j.getKey())) {
                    misses.append(j.getKey()).append(' ').append(whyNot(byRef.get(r.ref()).citizen(), j.getKey()));
                }
            }
            System.out.printf(Locale.ROOT, "  %-32s nDCG %.3f  %-34s %s%n", r.ref(), r.ndcg(), top,
                    misses.isEmpty() ? "" : "misses: " + misses);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-34s %10s %10s %8s %10s%n", "weights", "recall@10", "nDCG@10", "delta",
                "top-1 rel.");
        printRow(current, current);
        for (Run r : ablation()) {
            printRow(r, current);
        }
    }

    private String whyNot(Citizen citizen, String postingRef) {
        Long citizenId = citizen.id();
        MatchingService.PairExplanation e = matching.explain(citizenId, set.postingIds().get(postingRef));
        return e.eligible() ? "(eligible, ranked lower) " : "(excluded: " + e.exclusions().stream()
                .map(x -> x.rule().name()).toList() + ") ";
    }

    private static void printRow(Run r, Run baseline) {
        System.out.printf(Locale.ROOT, "  %-34s %10.3f %10.3f %+8.3f %9.0f%%%n", r.name(), r.recall(), r.ndcg(),
                r.ndcg() - baseline.ndcg(), 100 * r.topOneRelevant());
    }

    // ---------------------------------------------------------------- loading the set through the services

    @SuppressWarnings("unchecked")
    private static LoadedSet load(ApplicationContext context) {
        ObjectMapper json = context.getBean(ObjectMapper.class);
        EmployerService employers = context.getBean(EmployerService.class);
        PostingService postings = context.getBean(PostingService.class);
        CitizenService citizens = context.getBean(CitizenService.class);
        try (InputStream in = RelevanceEvaluation.class.getResourceAsStream(SET)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + SET + " on the test classpath");
            }
            Map<String, Object> root = json.readValue(in, Argument.mapOf(String.class, Object.class));
            Map<String, Long> employerIds = new HashMap<>();
            for (Map<String, Object> e : (List<Map<String, Object>>) root.get("employers")) {
                Map<String, Object> body = new LinkedHashMap<>(e);
                String ref = (String) body.remove("ref");
                employerIds.put(ref, employers.create(convert(json, body, EmployerRequest.class)).id());
            }
            Map<String, Long> postingIds = new LinkedHashMap<>();
            Map<Long, String> postingRefs = new HashMap<>();
            for (Map<String, Object> p : (List<Map<String, Object>>) root.get("postings")) {
                Map<String, Object> body = new LinkedHashMap<>(p);
                String ref = (String) body.remove("ref");
                Long employerId = employerIds.get((String) body.remove("employer"));
                if (employerId == null) {
                    throw new IllegalStateException("Posting " + ref + " names an unknown employer");
                }
                body.put("employerId", employerId);
                long id = postings.create(convert(json, body, PostingRequest.class)).id();
                postingIds.put(ref, id);
                postingRefs.put(id, ref);
            }
            List<LabelledCitizen> labelled = new ArrayList<>();
            for (Map<String, Object> c : (List<Map<String, Object>>) root.get("citizens")) {
                Map<String, Integer> judged = new LinkedHashMap<>();
                ((Map<String, Object>) c.get("relevant")).forEach((ref, grade) -> {
                    if (!postingIds.containsKey(ref)) {
                        throw new IllegalStateException("Citizen " + c.get("ref") + " judges unknown posting " + ref);
                    }
                    judged.put(ref, ((Number) grade).intValue());
                });
                Citizen citizen = citizens.create(convert(json, (Map<String, Object>) c.get("profile"),
                        CitizenRequest.class));
                labelled.add(new LabelledCitizen((String) c.get("ref"), citizen, judged));
            }
            return new LoadedSet((String) root.get("version"), postingRefs, postingIds, labelled);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SET, e);
        }
    }

    private static <T> T convert(ObjectMapper json, Map<String, Object> body, Class<T> type) throws IOException {
        return json.readValue(json.writeValueAsBytes(body), type);
    }
}
