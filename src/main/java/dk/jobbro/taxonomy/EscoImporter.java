package dk.jobbro.taxonomy;

import dk.jobbro.csv.CsvFormatException;
import dk.jobbro.csv.CsvHeader;
import dk.jobbro.csv.CsvReader;
import dk.jobbro.web.ApiException;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Imports the official ESCO CSV download (v1.1 or newer) from one folder: {@code ISCOGroups_<lang>.csv},
 * {@code occupations_<lang>.csv}, {@code skills_<lang>.csv}, {@code occupationSkillRelations_<lang>.csv} and
 * {@code broaderRelationsOccPillar_<lang>.csv}, in the folder or one level below it. Danish ({@code da}) and
 * English ({@code en}) labels are kept; other languages are ignored.
 *
 * <p>Codes: an ESCO occupation's code is ESCO's own {@code code} column ({@code 4321.1}, {@code 2654.1.7}):
 * stable across ESCO versions, distinct from the seed's six-digit DISCO-08 codes, and beginning with the ISCO-08
 * unit group, so unit- and minor-group matching works unchanged. Occupations without such a code, or with one
 * longer than 40 characters (ESCO's longest are 13, {@code 1324.3.1.6.10}), are left out. Every row
 * left out is named in the result with its file, line and reason: nothing is skipped silently. An ESCO skill's code is its concept URI.
 *
 * <p>The files are streamed (constant memory whatever their size) and written in JDBC batches of upserts, all in
 * one transaction: an import is written whole or not at all, and importing the same files again changes
 * nothing. Rows that disappeared from ESCO are not deleted. Afterwards the in-memory taxonomy reloads and a
 * {@link TaxonomyChanged} event lets the posting index rebuild.
 */
@Singleton
public class EscoImporter {

    private static final Logger LOG = LoggerFactory.getLogger(EscoImporter.class);
    private static final Pattern FILE = Pattern.compile(
            "(ISCOGroups|occupations|skills|occupationSkillRelations|broaderRelationsOccPillar)_([A-Za-z-]+)\\.csv");
    private static final List<String> LANGUAGES = List.of("en", "da");
    private static final Pattern OCCUPATION_CODE = Pattern.compile("\\d{4}(\\.\\d+)*");
    private static final int BATCH = 2_000;
    private static final int PROGRESS_EVERY = 25_000;
    private static final int LOGGED_SKIPS = 10;
    /** The occupation code column's width (V7__long_occupation_codes.sql). */
    static final int MAX_OCCUPATION_CODE = 40;

    private final TaxonomyStore store;
    private final Taxonomy taxonomy;
    private final ApplicationEventPublisher<TaxonomyChanged> events;
    private final EscoImportProgress progress;

    EscoImporter(TaxonomyStore store, Taxonomy taxonomy, ApplicationEventPublisher<TaxonomyChanged> events,
                 EscoImportProgress progress) {
        this.store = store;
        this.taxonomy = taxonomy;
        this.events = events;
        this.progress = progress;
    }

    /** Imports one ESCO folder; one import at a time. Fails with 422 naming the file and line when input is bad. */
    public synchronized EscoImportResult importDirectory(Path directory) {
        try {
            EscoImportResult result = importFiles(directory);
            progress.finished(result);
            return result;
        } catch (ApiException e) {
            progress.failed(e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).reason());
            throw e;
        } catch (RuntimeException e) {
            progress.failed("the import stopped: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    private EscoImportResult importFiles(Path directory) {
        long started = System.nanoTime();
        progress.started(0);
        Map<String, Map<String, Path>> files = find(directory);
        int total = files.values().stream().mapToInt(f -> (int) f.keySet().stream().filter(k -> k.equals("ISCOGroups")
                || k.equals("occupations") || k.equals("skills")).count()).sum()
                + (firstOf(files, "occupationSkillRelations").isPresent() ? 1 : 0)
                + (firstOf(files, "broaderRelationsOccPillar").isPresent() ? 1 : 0);
        progress.started(total);
        Tally tally = new Tally(progress);
        try {
            store.write(status -> {
                Connection c = status.getConnection();
                for (String language : files.keySet()) {
                    Map<String, Path> f = files.get(language);
                    if (f.containsKey("ISCOGroups")) {
                        importIscoGroups(c, f.get("ISCOGroups"), language, tally);
                    }
                    if (f.containsKey("occupations")) {
                        importOccupations(c, f.get("occupations"), language, tally);
                    }
                    if (f.containsKey("skills")) {
                        importSkills(c, f.get("skills"), language, tally);
                    }
                }
                // Relations are the same in every language's file: one is enough.
                Optional<Path> relations = firstOf(files, "occupationSkillRelations");
                if (relations.isPresent()) {
                    importRelations(c, relations.get(), tally);
                }
                Optional<Path> broader = firstOf(files, "broaderRelationsOccPillar");
                if (broader.isPresent()) {
                    importBroader(c, broader.get(), tally);
                }
                return null;
            });
        } catch (CsvFormatException e) {
            throw ApiException.invalid("directory", e.getMessage());
        }
        taxonomy.load();
        EscoImportResult result = new EscoImportResult(List.copyOf(files.keySet()), tally.iscoGroups.size(),
                tally.occupations.size(), tally.skills.size(), tally.relations, tally.broader, tally.skipped,
                (System.nanoTime() - started) / 1_000_000, List.copyOf(tally.skippedRows));
        LOG.info("ESCO import done: {}", result);
        events.publishEvent(new TaxonomyChanged(result.occupations(), result.skills()));
        return result;
    }

    /** language → file kind → file, languages in the order they are imported (English first). */
    private static Map<String, Map<String, Path>> find(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw ApiException.invalid("directory", "is not a readable folder on the server");
        }
        Map<String, Map<String, Path>> byLanguage = new TreeMap<>((a, b) -> LANGUAGES.indexOf(a) - LANGUAGES.indexOf(b));
        try (Stream<Path> paths = Files.walk(directory, 2)) {
            paths.filter(Files::isRegularFile).sorted().forEach(p -> {
                Matcher m = FILE.matcher(p.getFileName().toString());
                if (!m.matches()) {
                    return;
                }
                String language = m.group(2).toLowerCase(java.util.Locale.ROOT);
                if (!LANGUAGES.contains(language)) {
                    LOG.info("ESCO import: {} ignored (only Danish and English labels are kept)", p);
                    return;
                }
                byLanguage.computeIfAbsent(language, k -> new HashMap<>()).putIfAbsent(m.group(1), p);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
        if (byLanguage.values().stream().noneMatch(f -> f.containsKey("occupations") || f.containsKey("skills"))) {
            throw ApiException.invalid("directory",
                    "holds no ESCO occupations_da/en.csv or skills_da/en.csv (ESCO v1.1 CSV download)");
        }
        return byLanguage;
    }

    private static Optional<Path> firstOf(Map<String, Map<String, Path>> files, String kind) {
        return files.values().stream().filter(f -> f.containsKey(kind)).map(f -> f.get(kind)).findFirst();
    }

    private void importIscoGroups(Connection c, Path file, String language, Tally tally) throws SQLException {
        String sql = "INSERT INTO isco_group (code, esco_uri, label_da, label_en) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE esco_uri = VALUES(esco_uri), label_%1$s = VALUES(label_%1$s)"
                .formatted(language);
        try (Batch batch = new Batch(c, sql)) {
            read(file, new String[]{"conceptUri", "code", "preferredLabel"}, tally, (h, r) -> {
                String code = h.get(r, "code");
                if (!code.matches("\\d{1,4}")) {
                    return tally.skip(file, "ISCO group code is not 1 to 4 digits");
                }
                String label = TaxonomyStore.label(h.get(r, "preferredLabel"));
                batch.add(code, h.get(r, "conceptUri"), "da".equals(language) ? label : "",
                        "en".equals(language) ? label : "");
                tally.iscoGroups.add(code);
                return true;
            });
        }
    }

    private void importOccupations(Connection c, Path file, String language, Tally tally) throws SQLException {
        String sql = ("INSERT INTO occupation (code, label_da, label_en, synonyms_da, esco_uri, isco_group,"
                + " alt_labels_da, alt_labels_en) VALUES (?, ?, ?, '', ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE esco_uri = VALUES(esco_uri), isco_group = VALUES(isco_group),"
                + " label_%1$s = VALUES(label_%1$s), alt_labels_%1$s = VALUES(alt_labels_%1$s)").formatted(language);
        try (Batch batch = new Batch(c, sql)) {
            read(file, new String[]{"conceptUri", "preferredLabel", "altLabels", "iscoGroup", "code"}, tally, (h, r) -> {
                String code = h.get(r, "code");
                if (!OCCUPATION_CODE.matcher(code).matches() || code.length() > MAX_OCCUPATION_CODE) {
                    return tally.skip(file, "occupation code '" + cut(code) + "' is missing or not like 4321.1 (at most "
                            + MAX_OCCUPATION_CODE + " characters)");
                }
                String label = TaxonomyStore.label(h.get(r, "preferredLabel"));
                String alt = String.join("\n", TaxonomyStore.lines(h.get(r, "altLabels")));
                boolean da = "da".equals(language);
                String iscoGroup = h.get(r, "iscoGroup");
                batch.add(code, da ? label : "", da ? "" : label, h.get(r, "conceptUri"),
                        iscoGroup.matches("\\d{4}") ? iscoGroup : code.substring(0, 4), da ? alt : "", da ? "" : alt);
                tally.occupations.add(code);
                return true;
            });
        }
    }

    private void importSkills(Connection c, Path file, String language, Tally tally) throws SQLException {
        String sql = ("INSERT INTO skill (code, label_da, label_en, synonyms_da, esco_uri, skill_type, reuse_level,"
                + " alt_labels_da, alt_labels_en) VALUES (?, ?, ?, '', ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE esco_uri = VALUES(esco_uri), skill_type = VALUES(skill_type),"
                + " reuse_level = VALUES(reuse_level), label_%1$s = VALUES(label_%1$s),"
                + " alt_labels_%1$s = VALUES(alt_labels_%1$s)").formatted(language);
        try (Batch batch = new Batch(c, sql)) {
            read(file, new String[]{"conceptUri", "preferredLabel", "altLabels"}, tally, (h, r) -> {
                String uri = h.get(r, "conceptUri");
                if (uri.isEmpty() || uri.length() > 100) {
                    return tally.skip(file, "skill URI is missing or longer than 100 characters");
                }
                String label = TaxonomyStore.label(h.get(r, "preferredLabel"));
                String alt = String.join("\n", TaxonomyStore.lines(h.get(r, "altLabels")));
                boolean da = "da".equals(language);
                batch.add(uri, da ? label : "", da ? "" : label, uri, cut(h.get(r, "skillType")),
                        cut(h.get(r, "reuseLevel")), da ? alt : "", da ? "" : alt);
                tally.skills.add(uri);
                return true;
            });
        }
    }

    private void importRelations(Connection c, Path file, Tally tally) throws SQLException {
        Map<String, String> occupationByUri = codesByUri(c, "occupation");
        Set<String> skillCodes = skillCodes(c);
        try (Batch batch = new Batch(c, "INSERT INTO occupation_skill (occupation_code, skill_code, relation)"
                + " VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE relation = VALUES(relation)")) {
            read(file, new String[]{"occupationUri", "relationType", "skillUri"}, tally, (h, r) -> {
                String occupation = occupationByUri.get(h.get(r, "occupationUri"));
                String skill = h.get(r, "skillUri");
                Optional<SkillRelation> relation = SkillRelation.parse(h.get(r, "relationType"));
                if (occupation == null || !skillCodes.contains(skill) || relation.isEmpty()) {
                    return tally.skip(file, "unknown occupation, skill or relation type");
                }
                batch.add(occupation, skill, relation.get().stored());
                tally.relations++;
                return true;
            });
        }
    }

    private void importBroader(Connection c, Path file, Tally tally) throws SQLException {
        Map<String, String> occupationByUri = codesByUri(c, "occupation");
        Map<String, String> groupByUri = codesByUri(c, "isco_group");
        try (Batch batch = new Batch(c, "UPDATE occupation SET broader_code = ? WHERE code = ?")) {
            read(file, new String[]{"conceptUri", "broaderUri"}, tally, (h, r) -> {
                String narrower = occupationByUri.get(h.get(r, "conceptUri"));
                if (narrower == null) {
                    // ISCO group hierarchy rows, or occupations that were left out: the codes already say it.
                    return false;
                }
                String broaderUri = h.get(r, "broaderUri");
                String broader = occupationByUri.getOrDefault(broaderUri, groupByUri.get(broaderUri));
                if (broader == null) {
                    return tally.skip(file, "broader concept unknown");
                }
                batch.add(broader, narrower);
                tally.broader++;
                return true;
            });
        }
    }

    private static Map<String, String> codesByUri(Connection c, String table) throws SQLException {
        Map<String, String> codes = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT esco_uri, code FROM " + table + " WHERE esco_uri IS NOT NULL")) {
            while (rs.next()) {
                codes.put(rs.getString(1), rs.getString(2));
            }
        }
        return codes;
    }

    private static Set<String> skillCodes(Connection c) throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM skill")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    interface RowHandler {
        /** Returns whether the row was written. */
        boolean row(CsvHeader header, List<String> record) throws SQLException;
    }

    private static void read(Path file, String[] requiredColumns, Tally tally, RowHandler handler) {
        long rows = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(in, ',');
            CsvHeader header = new CsvHeader(csv.next().orElseThrow(() ->
                    new CsvFormatException(name(file) + " is empty"))).require(name(file), requiredColumns);
            Optional<List<String>> record;
            while ((record = csv.next()).isPresent()) {
                try {
                    tally.line = csv.recordLine();
                    handler.row(header, record.get());
                } catch (SQLException e) {
                    throw new IllegalStateException(name(file) + " line " + csv.recordLine() + ": " + e.getMessage(), e);
                }
                if (++rows % PROGRESS_EVERY == 0) {
                    LOG.info("ESCO import: {} rows of {}", rows, file.getFileName());
                }
                if (rows % EscoImportProgress.EVERY == 0) {
                    tally.progress.reading(name(file), rows);
                }
            }
        } catch (CsvFormatException e) {
            throw e.getMessage().startsWith(name(file)) ? e : new CsvFormatException(name(file) + " " + e.getMessage());
        } catch (IOException e) {
            throw new CsvFormatException(name(file) + " cannot be read as UTF-8 text");
        }
        LOG.info("ESCO import: {} read ({} rows)", file.getFileName(), rows);
        tally.progress.reading(name(file), rows);
        tally.progress.fileDone();
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static String cut(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40);
    }

    /** A prepared statement that sends its rows in batches of {@link #BATCH}. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement ps;
        private int pending;

        Batch(Connection c, String sql) throws SQLException {
            this.ps = c.prepareStatement(sql);
        }

        void add(String... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            ps.addBatch();
            if (++pending == BATCH) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    ps.executeBatch();
                }
            } finally {
                ps.close();
            }
        }
    }

    private static final class Tally {
        final EscoImportProgress progress;
        final Set<String> iscoGroups = new HashSet<>();
        final Set<String> occupations = new HashSet<>();
        final Set<String> skills = new HashSet<>();
        int relations;
        int broader;
        int skipped;
        long line;
        final java.util.ArrayList<EscoImportResult.SkippedRow> skippedRows = new java.util.ArrayList<>();
        private final Map<String, Integer> loggedPerFile = new HashMap<>();

        Tally(EscoImportProgress progress) {
            this.progress = progress;
        }

        boolean skip(Path file, String reason) {
            skipped++;
            skippedRows.add(new EscoImportResult.SkippedRow(file.getFileName().toString(), line, reason));
            int logged = loggedPerFile.merge(file.toString(), 1, Integer::sum);
            if (logged <= LOGGED_SKIPS) {
                LOG.warn("ESCO import: line {} of {} left out: {}", line, file.getFileName(), reason);
            }
            return false;
        }
    }
}
