package dk.jobbro.search;

import dk.jobbro.security.Jobcentres;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small run of the national generator behind the nightly run's benchmark (RematchBenchmark): the same seed gives
 * the same world, citizens live in the 98 municipalities in proportion to population, and the mixes look like
 * Denmark's. The benchmark itself is not part of the build.
 */
@MicronautTest(transactional = false)
class NationalDenmarkTest {

    private static final Path MUNICIPALITIES = Path.of("src/test/resources/national/municipalities.csv");
    private static final String OPEN = "SELECT COUNT(*) FROM posting WHERE status = 'OPEN'"
            + " AND (application_deadline IS NULL OR application_deadline >= CURDATE())";

    @Inject
    DataSource dataSource;

    @Inject
    JsonMapper json;

    @Inject
    Jobcentres jobcentres;

    @Test
    void theSameSeedWritesTheSameWorldSpreadOverTheMunicipalitiesByPopulation() throws SQLException {
        DataSource db = DelegatingDataSource.unwrapDataSource(dataSource);
        long citizensBefore = count(db, "SELECT COALESCE(MAX(id), 0) FROM citizen");
        long openBefore = count(db, OPEN);
        NationalDenmark first = new NationalDenmark(Path.of("index"), MUNICIPALITIES, 11, json);
        NationalDenmark.Written postings = first.writePostings(db, 300);
        long openAfter = count(db, OPEN);
        NationalDenmark.Written citizens = first.writeCitizens(db, 3_000);
        long between = count(db, "SELECT MAX(id) FROM citizen");
        NationalDenmark again = new NationalDenmark(Path.of("index"), MUNICIPALITIES, 11, json);
        again.writePostings(db, 300);
        again.writeCitizens(db, 3_000);

        assertEquals(98, first.municipalityCount());
        assertEquals(300, postings.openPostings());
        assertEquals(300, openAfter - openBefore);
        assertEquals(3_000, citizens.citizens());
        List<String> one = profiles(db, citizensBefore, between);
        List<String> two = profiles(db, between, between + 3_000);
        assertEquals(one, two, "same seed, same citizens");

        Map<String, Integer> perJobcentre = new HashMap<>();
        for (String p : one) {
            perJobcentre.merge(p.split("\\|")[0], 1, Integer::sum);
        }
        perJobcentre.keySet().forEach(name -> assertTrue(jobcentres.canonical(name).isPresent(), name));
        assertTrue(perJobcentre.size() >= 88, "most municipalities have citizens: " + perJobcentre.size());
        // København is 11 % of the population (660,000 of 5.9 million): 3,000 draws put it within 8.5 to 13.7 %.
        double copenhagen = perJobcentre.getOrDefault("København", 0) / 3000.0;
        assertTrue(copenhagen > 0.085 && copenhagen < 0.137, "København " + copenhagen);
        assertTrue(perJobcentre.getOrDefault("Aarhus", 0) > perJobcentre.getOrDefault("Odense", 0)
                && perJobcentre.getOrDefault("Odense", 0) > perJobcentre.getOrDefault("Ærø", 0), perJobcentre.toString());

        // Circumstances mostly for activity-ready citizens, rarely for the insured unemployed.
        double activity = share(db, "CASH_BENEFIT_ACTIVITY_READY", citizensBefore, between);
        double insured = share(db, "INSURED_UNEMPLOYED", citizensBefore, between);
        assertTrue(activity > 0.5 && insured < 0.2, "activity-ready " + activity + ", insured " + insured);
        assertEquals(9, count(db, "SELECT COUNT(DISTINCT target_group) FROM citizen WHERE id > " + citizensBefore));
        assertEquals(3, count(db, "SELECT COUNT(DISTINCT kind) FROM posting"));
    }

    private static double share(DataSource db, String group, long after, long upTo) throws SQLException {
        String range = " AND z.id > " + after + " AND z.id <= " + upTo;
        long all = count(db, "SELECT COUNT(*) FROM citizen z WHERE z.target_group = '" + group + "'" + range);
        long with = count(db, "SELECT COUNT(*) FROM citizen z WHERE z.target_group = '" + group + "'" + range
                + " AND EXISTS (SELECT 1 FROM citizen_circumstance c WHERE c.citizen_id = z.id)");
        return (double) with / all;
    }

    /** Each citizen's profile but the name and id, in id order. */
    private static List<String> profiles(DataSource db, long after, long upTo) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT jobcentre, target_group, home_postcode, home_latitude, skills,"
                     + " occupations_wanted, support_needs, (SELECT COUNT(*) FROM citizen_circumstance x"
                     + " WHERE x.citizen_id = z.id) FROM citizen z WHERE id > " + after + " AND id <= " + upTo
                     + " ORDER BY id")) {
            while (r.next()) {
                out.add(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3) + "|" + r.getDouble(4) + "|"
                        + r.getString(5) + "|" + r.getString(6) + "|" + r.getString(7) + "|" + r.getInt(8));
            }
        }
        return out;
    }

    private static long count(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
