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

    /** One field error per code that names no skill: {@code field[i]} and the reason. */
    public List<Problem.FieldError> unknownSkills(String field, List<String> codes) {
        return unknown(field, codes, this::skill, "unknown skill code");
    }

    /** One field error per code that names no occupation: {@code field[i]} and the reason. */
    public List<Problem.FieldError> unknownOccupations(String field, List<String> codes) {
        return unknown(field, codes, this::occupation, "unknown occupation code");
    }

    private static List<Problem.FieldError> unknown(String field, List<String> codes,
                                                    Function<String, Optional<?>> lookup, String reason) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (lookup.apply(codes.get(i)).isEmpty()) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", reason));
            }
        }
        return errors;
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
     * The canonical code of the skill that {@code term} names, case-insensitively: its code, ESCO URI, Danish or
     * English preferred label, alternative label or synonym. When two skills share a name, a code or URI wins
     * over a preferred label, a preferred label over an alternative one, and then the lower code.
     */
    public Optional<String> resolveSkill(String term) {
        return term == null ? Optional.empty() : Optional.ofNullable(snapshot.skillNames.get(key(term)));
    }

    /** As {@link #resolveSkill}, for occupations. */
    public Optional<String> resolveOccupation(String term) {
        return term == null ? Optional.empty() : Optional.ofNullable(snapshot.occupationNames.get(key(term)));
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
                            Map<String, Set<String>> optional, Map<String, String> skillNames,
                            Map<String, String> occupationNames) {

        static final Snapshot EMPTY = new Snapshot(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of());

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

            List<Skill> skillsByCode = c.skills().stream().sorted(Comparator.comparing(Skill::code)).toList();
            Map<String, String> skillNames = names(skillsByCode, Skill::code,
                    s -> Stream.of(s.code(), s.escoUri()),
                    s -> Stream.of(s.labelDa(), s.labelEn()),
                    s -> Stream.concat(Stream.concat(Occupation.splitSynonyms(s.synonymsDa()).stream(),
                            s.altLabelsDa().stream()), s.altLabelsEn().stream()));
            List<Occupation> occupationsByCode = c.occupations().stream()
                    .sorted(Comparator.comparing(Occupation::code)).toList();
            Map<String, String> occupationNames = names(occupationsByCode, Occupation::code,
                    o -> Stream.of(o.code(), o.escoUri()),
                    o -> Stream.of(o.labelDa(), o.labelEn()),
                    o -> Stream.concat(Stream.concat(Occupation.splitSynonyms(o.synonymsDa()).stream(),
                            o.altLabelsDa().stream()), o.altLabelsEn().stream()));
            return new Snapshot(Map.copyOf(occupations), Map.copyOf(skills), Map.copyOf(groups),
                    Map.copyOf(essential), Map.copyOf(optional), skillNames, occupationNames);
        }

        /** Name → code, filled strongest names first so that a weaker name never takes a stronger one's place. */
        @SafeVarargs
        private static <T> Map<String, String> names(List<T> byCode, Function<T, String> code,
                                                     Function<T, Stream<String>>... tiers) {
            Map<String, String> names = new HashMap<>();
            for (Function<T, Stream<String>> tier : tiers) {
                for (T item : byCode) {
                    tier.apply(item).filter(n -> !n.isBlank()).forEach(n -> names.putIfAbsent(key(n), code.apply(item)));
                }
            }
            return Map.copyOf(names);
        }
    }
}
