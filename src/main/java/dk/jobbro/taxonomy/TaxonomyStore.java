package dk.jobbro.taxonomy;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The taxonomy tables, through plain JDBC: imports write tens of thousands of rows in batches, and the whole
 * taxonomy is read at once into {@link Taxonomy}. Lists of alternative labels are stored newline-separated,
 * as ESCO writes them.
 */
@Singleton
class TaxonomyStore {

    /** Labels longer than this are cut; ESCO's longest preferred label is far shorter. */
    static final int MAX_LABEL = 500;

    private final TransactionOperations<Connection> tx;

    TaxonomyStore(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    record Contents(List<Occupation> occupations, List<Skill> skills, List<IscoGroup> iscoGroups,
                    List<Relation> relations) {
    }

    record Relation(String occupationCode, String skillCode, SkillRelation relation) {
    }

    /** Runs {@code work} in one transaction: all of it is written, or none. */
    <R> R write(TransactionCallback<Connection, R> work) {
        return tx.executeWrite(work);
    }

    long count(String table) {
        return tx.executeRead(status -> {
            try (Statement s = status.getConnection().createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Contents readAll() {
        return tx.executeRead(status -> {
            Connection c = status.getConnection();
            List<Occupation> occupations = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT code, label_da, label_en, synonyms_da, esco_uri, isco_group, broader_code,"
                            + " alt_labels_da, alt_labels_en FROM occupation")) {
                while (rs.next()) {
                    occupations.add(new Occupation(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), orEmpty(rs.getString(5)), orEmpty(rs.getString(6)),
                            orEmpty(rs.getString(7)), lines(rs.getString(8)), lines(rs.getString(9))));
                }
            }
            List<Skill> skills = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT code, label_da, label_en, synonyms_da, esco_uri, skill_type, reuse_level,"
                            + " alt_labels_da, alt_labels_en FROM skill")) {
                while (rs.next()) {
                    skills.add(new Skill(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            orEmpty(rs.getString(5)), rs.getString(6), rs.getString(7),
                            lines(rs.getString(8)), lines(rs.getString(9))));
                }
            }
            List<IscoGroup> groups = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT code, esco_uri, label_da, label_en FROM isco_group")) {
                while (rs.next()) {
                    groups.add(new IscoGroup(rs.getString(1), orEmpty(rs.getString(2)), rs.getString(3),
                            rs.getString(4)));
                }
            }
            List<Relation> relations = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT occupation_code, skill_code, relation FROM occupation_skill")) {
                while (rs.next()) {
                    SkillRelation relation = SkillRelation.parse(rs.getString(3)).orElseThrow();
                    relations.add(new Relation(rs.getString(1), rs.getString(2), relation));
                }
            }
            return new Contents(occupations, skills, groups, relations);
        });
    }

    /** Inserts the seed's occupations; for an empty table only. */
    void insertSeedOccupations(List<Occupation> occupations) {
        write(status -> batch(status.getConnection(), "INSERT INTO occupation (code, label_da, label_en, synonyms_da,"
                + " isco_group) VALUES (?, ?, ?, ?, ?)", occupations, (ps, o) -> {
            ps.setString(1, o.code());
            ps.setString(2, label(o.labelDa()));
            ps.setString(3, label(o.labelEn()));
            ps.setString(4, o.synonymsDa());
            ps.setString(5, o.iscoGroup());
        }));
    }

    void insertSeedSkills(List<Skill> skills) {
        write(status -> batch(status.getConnection(), "INSERT INTO skill (code, label_da, label_en, synonyms_da)"
                + " VALUES (?, ?, ?, ?)", skills, (ps, s) -> {
            ps.setString(1, s.code());
            ps.setString(2, label(s.labelDa()));
            ps.setString(3, label(s.labelEn()));
            ps.setString(4, s.synonymsDa());
        }));
    }

    void insertSeedRelations(List<Relation> relations) {
        write(status -> batch(status.getConnection(), "INSERT IGNORE INTO occupation_skill"
                + " (occupation_code, skill_code, relation) VALUES (?, ?, ?)", relations, (ps, r) -> {
            ps.setString(1, r.occupationCode());
            ps.setString(2, r.skillCode());
            ps.setString(3, r.relation().stored());
        }));
    }

    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private static <T> int batch(Connection c, String sql, List<T> rows, Binder<T> binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T row : rows) {
                binder.bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }

    static String label(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL);
    }

    /** ESCO's newline-separated label lists, one label per line, blank lines dropped. */
    static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
