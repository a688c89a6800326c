package dk.jobbro.taxonomy;

import dk.jobbro.csv.CsvReader;
import dk.jobbro.web.Problem;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Occupations, skills, ISCO-08 groups and the occupation–skill relations, held in memory for matching and
 * indexing and persisted in the database. On an empty database the built-in seed in {@code index/taxonomy/} is
 * loaded.
 *
 * <p>Readers always see one consistent version: {@link #load()} builds a new snapshot and swaps it in whole.
 */
@Singleton
public class Taxonomy {

    private static final Logger LOG = LoggerFactory.getLogger(Taxonomy.class);

    private final TaxonomyStore store;
    private final Path seedDir;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    Taxonomy(TaxonomyStore store, @Value("${jobbro.taxonomy.seed-dir:index/taxonomy}") String seedDir) {
        this.store = store;
        this.seedDir = Path.of(seedDir);
    }

    /** Seeds empty tables from {@code index/taxonomy/} and (re)loads everything into memory. */
    public void load() {
        if (store.count("occupation") == 0) {
            List<Occupation> seed = readSeed("occupations.csv", c -> new Occupation(c.get(0), c.get(1), c.get(2),
                    c.size() > 3 ? c.get(3) : ""));
            store.insertSeedOccupations(seed);
            LOG.info("Seeded {} occupations from {}", seed.size(), seedDir);
        }
        if (store.count("skill") == 0) {
            List<Skill> seed = readSeed("skills.csv", c -> new Skill(c.get(0), c.get(1), c.get(2),
                    c.size() > 3 ? c.get(3) : ""));
            store.insertSeedSkills(seed);
            LOG.info("Seeded {} skills from {}", seed.size(), seedDir);
        }
        if (store.count("occupation_skill") == 0) {
            List<TaxonomyStore.Relation> seed = readSeed("occupation_skills.csv", c -> new TaxonomyStore.Relation(
                    c.get(0), c.get(1), SkillRelation.parse(c.size() > 2 ? c.get(2) : "").orElse(null)));
            Contents known = new Contents(store.readAll());
            List<TaxonomyStore.Relation> valid = seed.stream().filter(r -> r.relation() != null
                    && known.occupationCodes.contains(r.occupationCode())
                    && known.skillCodes.contains(r.skillCode())).toList();
            if (valid.size() < seed.size()) {
                LOG.warn("{} seed relations name an unknown occupation, skill or relation and were left out",
                        seed.size() - valid.size());
            }
            store.insertSeedRelations(valid);
            if (!valid.isEmpty()) {
                LOG.info("Seeded {} occupation-skill relations from {}", valid.size(), seedDir);
            }
        }
        snapshot = Snapshot.of(store.readAll());
        LOG.info("Taxonomy loaded: {} occupations, {} skills, {} ISCO groups", snapshot.occupations.size(),
                snapshot.skills.size(), snapshot.iscoGroups.size());
    }

    public Optional<Occupation> occupation(String code) {
        return Optional.ofNullable(snapshot.occupations.get(code));
    }

    public Optional<Skill> skill(String code) {
        return Optional.ofNullable(snapshot.skills.get(code));
    }

    /** An ISCO-08 group by its 1- to 4-digit code; present only after an ESCO import. */
    public Optional<IscoGroup> iscoGroup(String code) {
        return Optional.ofNullable(snapshot.iscoGroups.get(code));
    }

    public String occupationLabel(String code) {
        return occupation(code).map(Occupation::labelDa).orElse(code);
    }

    public String skillLabel(String code) {
        return skill(code).map(Skill::labelDa).orElse(code);
    }

    /** Codes of the skills ESCO (or the seed) calls essential for the occupation; empty for unknown codes. */
    public Set<String> essentialSkills(String occupationCode) {
        return snapshot.essential.getOrDefault(occupationCode, Set.of());
    }

    /** Codes of the skills that are optional for the occupation; empty for unknown codes. */
    public Set<String> optionalSkills(String occupationCode) {
        return snapshot.optional.getOrDefault(occupationCode, Set.of());
    }

    /**
     * The canonical code of the skill that {@code term} names, regardless of case, diacritics and punctuation:
     * its code, ESCO URI, Danish or English preferred label, alternative label or synonym. When two skills share a
     * name, a code or URI wins over a preferred label, a preferred label over an alternative one, Danish over
     * English, and then the lower code.
     */
    public Optional<String> resolveSkill(String term) {
        return snapshot.skillNames.resolve(term);
    }

    /** As {@link #resolveSkill}, for occupations. */
    public Optional<String> resolveOccupation(String term) {
        return snapshot.occupationNames.resolve(term);
    }

    /** Skills a half-typed term may mean, best first, Danish names first (see {@link TaxonomyNames#typeahead}). */
    public List<NameMatch> typeaheadSkills(String typed, int limit) {
        return snapshot.skillNames.typeahead(typed, limit);
    }

    /** As {@link #typeaheadSkills}, for occupations. */
    public List<NameMatch> typeaheadOccupations(String typed, int limit) {
        return snapshot.occupationNames.typeahead(typed, limit);
    }

    /**
     * Skill terms resolved to their codes; for each term that names no skill a field error {@code field[i]}
     * (plus {@code suffix}) with the up to three nearest skills, Danish first.
     */
    public Resolved resolveSkills(String field, String suffix, List<String> terms) {
        return resolve(field, suffix, terms, snapshot.skillNames, "unknown skill");
    }

    /** As {@link #resolveSkills}, for occupations. */
    public Resolved resolveOccupations(String field, List<String> terms) {
        return resolve(field, "", terms, snapshot.occupationNames, "unknown occupation");
    }

    /** One occupation term (a single field such as a posting's {@code occupationCode}). */
    public Resolved resolveOccupation(String field, String term) {
        Resolved one = resolveOccupations(field, List.of(term));
        List<Problem.FieldError> errors = one.errors().stream().map(e -> new Problem.FieldError(field, e.reason(),
                e.suggestions())).toList();
        return new Resolved(one.codes(), errors);
    }

    /** Codes in the order of the terms (an unknown term keeps its place, as written), and the errors. */
    public record Resolved(List<String> codes, List<Problem.FieldError> errors) {
    }

    /** Suggestions an unknown term gets: enough to recognise a typo, few enough to read. */
    static final int SUGGESTIONS = 3;

    private static Resolved resolve(String field, String suffix, List<String> terms, TaxonomyNames names,
                                    String reason) {
        List<String> codes = new ArrayList<>(terms.size());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            Optional<String> code = names.resolve(term);
            codes.add(code.orElse(term));
            if (code.isEmpty()) {
                List<Problem.Suggestion> nearest = names.typeahead(term, SUGGESTIONS).stream()
                        .map(m -> new Problem.Suggestion(m.code(), m.labelDa())).toList();
                errors.add(new Problem.FieldError(field + "[" + i + "]" + suffix, nearest.isEmpty() ? reason
                        : reason + "; nearest: " + String.join(", ", nearest.stream().map(Problem.Suggestion::label)
                        .toList()), nearest.isEmpty() ? null : nearest));
            }
        }
        return new Resolved(List.copyOf(codes), List.copyOf(errors));
    }

    /**
     * Occupations whose code, labels or alternative labels contain {@code text} (case-insensitive): exact
     * label matches first, then labels that start with it, then the rest, each by code. Scans all occupations.
     */
    public List<Occupation> findOccupations(String text, int limit) {
        String needle = key(text);
        return rank(snapshot.occupations.values().stream(), Occupation::code, o -> Stream.of(o.labelDa(), o.labelEn()),
                o -> Stream.of(Stream.of(o.code(), o.synonymsDa()), o.altLabelsDa().stream(), o.altLabelsEn().stream())
                        .flatMap(Function.identity()), needle, limit);
    }

    /** As {@link #findOccupations}, for skills (a full ESCO import has ~14,000: about a millisecond a search). */
    public List<Skill> findSkills(String text, int limit) {
        String needle = key(text);
        return rank(snapshot.skills.values().stream(), Skill::code, s -> Stream.of(s.labelDa(), s.labelEn()),
                s -> Stream.of(Stream.of(s.code(), s.synonymsDa()), s.altLabelsDa().stream(), s.altLabelsEn().stream())
                        .flatMap(Function.identity()), needle, limit);
    }

    private static <T> List<T> rank(Stream<T> all, Function<T, String> code, Function<T, Stream<String>> labels,
                                    Function<T, Stream<String>> others, String needle, int limit) {
        record Ranked<T>(T item, String code, int rank) {
        }
        return all.map(x -> {
                    int rank = labels.apply(x).map(Taxonomy::key).mapToInt(l -> l.equals(needle) ? 0
                            : l.startsWith(needle) ? 1 : l.contains(needle) ? 2 : 4).min().orElse(4);
                    if (rank == 4 && others.apply(x).anyMatch(o -> key(o).contains(needle))) {
                        rank = 3;
                    }
                    return new Ranked<>(x, code.apply(x), rank);
                }).filter(r -> r.rank < 4)
                .sorted(Comparator.<Ranked<T>>comparingInt(Ranked::rank).thenComparing(Ranked::code))
                .limit(limit).map(Ranked::item).toList();
    }

    static String key(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private <T> List<T> readSeed(String fileName, Function<List<String>, T> row) {
        Path file = seedDir.resolve(fileName);
        List<T> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            LOG.warn("Taxonomy seed {} is missing; left empty", file);
            return rows;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(reader, ';');
            csv.next(); // header
            Optional<List<String>> record;
            while ((record = csv.next()).isPresent()) {
                rows.add(row.apply(record.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read taxonomy seed " + file, e);
        }
        return rows;
    }

    private record Contents(Set<String> occupationCodes, Set<String> skillCodes) {
        Contents(TaxonomyStore.Contents c) {
            this(new HashSet<>(c.occupations().stream().map(Occupation::code).toList()),
                    new HashSet<>(c.skills().stream().map(Skill::code).toList()));
        }
    }

    /** One immutable version of the taxonomy with its look-up tables. */
    private record Snapshot(Map<String, Occupation> occupations, Map<String, Skill> skills,
                            Map<String, IscoGroup> iscoGroups, Map<String, Set<String>> essential,
                            Map<String, Set<String>> optional, TaxonomyNames skillNames,
                            TaxonomyNames occupationNames) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                TaxonomyNames.EMPTY, TaxonomyNames.EMPTY);

        static Snapshot of(TaxonomyStore.Contents c) {
            Map<String, Occupation> occupations = new HashMap<>();
            c.occupations().forEach(o -> occupations.put(o.code(), o));
            Map<String, Skill> skills = new HashMap<>();
            c.skills().forEach(s -> skills.put(s.code(), s));
            Map<String, IscoGroup> groups = new HashMap<>();
            c.iscoGroups().forEach(g -> groups.put(g.code(), g));
            Map<String, Set<String>> essential = new HashMap<>();
            Map<String, Set<String>> optional = new HashMap<>();
            for (TaxonomyStore.Relation r : c.relations()) {
                (r.relation() == SkillRelation.ESSENTIAL ? essential : optional)
                        .computeIfAbsent(r.occupationCode(), k -> new HashSet<>()).add(r.skillCode());
            }
            essential.replaceAll((k, v) -> Set.copyOf(v));
            optional.replaceAll((k, v) -> Set.copyOf(v));
            TaxonomyNames skillNames = TaxonomyNames.of(c.skills().stream().map(s -> new TaxonomyNames.Entry(
                    s.code(), s.labelDa(), s.labelEn(), codes(s.code(), s.escoUri()), s.synonyms(),
                    s.altLabelsEn())).toList());
            TaxonomyNames occupationNames = TaxonomyNames.of(c.occupations().stream().map(o -> new TaxonomyNames.Entry(
                    o.code(), o.labelDa(), o.labelEn(), codes(o.code(), o.escoUri()), o.synonyms(),
                    o.altLabelsEn())).toList());
            return new Snapshot(Map.copyOf(occupations), Map.copyOf(skills), Map.copyOf(groups),
                    Map.copyOf(essential), Map.copyOf(optional), skillNames, occupationNames);
        }

        private static List<String> codes(String code, String uri) {
            return uri.isBlank() ? List.of(code) : List.of(code, uri);
        }
    }
}
