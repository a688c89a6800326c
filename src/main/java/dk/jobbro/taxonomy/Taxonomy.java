package dk.jobbro.taxonomy;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Occupations and skills, held in memory for matching and indexing (a few thousand rows at most) and persisted
 * in the database. On an empty database the built-in seed in {@code index/taxonomy/} is loaded.
 */
@Singleton
public class Taxonomy {

    private static final Logger LOG = LoggerFactory.getLogger(Taxonomy.class);

    private final OccupationRepository occupationRepository;
    private final SkillRepository skillRepository;
    private final Path seedDir;
    private volatile Map<String, Occupation> occupations = Map.of();
    private volatile Map<String, Skill> skills = Map.of();

    Taxonomy(OccupationRepository occupationRepository, SkillRepository skillRepository,
             @Value("${jobbro.taxonomy.seed-dir:index/taxonomy}") String seedDir) {
        this.occupationRepository = occupationRepository;
        this.skillRepository = skillRepository;
        this.seedDir = Path.of(seedDir);
    }

    /** Seeds an empty database from {@code index/taxonomy/} and loads everything into memory. */
    public void load() {
        if (occupationRepository.count() == 0) {
            List<Occupation> seed = readCsv(seedDir.resolve("occupations.csv"),
                    c -> new Occupation(c[0], c[1], c[2], c.length > 3 ? c[3] : ""));
            occupationRepository.saveAll(seed);
            LOG.info("Seeded {} occupations from {}", seed.size(), seedDir);
        }
        if (skillRepository.count() == 0) {
            List<Skill> seed = readCsv(seedDir.resolve("skills.csv"),
                    c -> new Skill(c[0], c[1], c[2], c.length > 3 ? c[3] : ""));
            skillRepository.saveAll(seed);
            LOG.info("Seeded {} skills from {}", seed.size(), seedDir);
        }
        Map<String, Occupation> o = new HashMap<>();
        occupationRepository.findAll().forEach(x -> o.put(x.code(), x));
        Map<String, Skill> s = new HashMap<>();
        skillRepository.findAll().forEach(x -> s.put(x.code(), x));
        occupations = Map.copyOf(o);
        skills = Map.copyOf(s);
    }

    public Optional<Occupation> occupation(String code) {
        return Optional.ofNullable(occupations.get(code));
    }

    public Optional<Skill> skill(String code) {
        return Optional.ofNullable(skills.get(code));
    }

    public String occupationLabel(String code) {
        return occupation(code).map(Occupation::labelDa).orElse(code);
    }

    public String skillLabel(String code) {
        return skill(code).map(Skill::labelDa).orElse(code);
    }

    /** Occupations whose label or synonyms contain {@code text} (case-insensitive), by code. */
    public List<Occupation> findOccupations(String text, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        return occupations.values().stream()
                .filter(x -> x.labelDa().toLowerCase(Locale.ROOT).contains(needle)
                        || x.labelEn().toLowerCase(Locale.ROOT).contains(needle)
                        || x.synonymsDa().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(Occupation::code)).limit(limit).toList();
    }

    public List<Skill> findSkills(String text, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        return skills.values().stream()
                .filter(x -> x.labelDa().toLowerCase(Locale.ROOT).contains(needle)
                        || x.labelEn().toLowerCase(Locale.ROOT).contains(needle)
                        || x.code().contains(needle))
                .sorted(Comparator.comparing(Skill::code)).limit(limit).toList();
    }

    private static <T> List<T> readCsv(Path file, Function<String[], T> row) {
        List<T> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            LOG.warn("Taxonomy seed {} is missing; the taxonomy starts empty", file);
            return rows;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(row.apply(line.split(";", -1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read taxonomy seed " + file, e);
        }
        return rows;
    }
}
