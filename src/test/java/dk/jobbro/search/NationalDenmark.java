package dk.jobbro.search;

import dk.jobbro.citizen.Citizen;
import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.flagging.CircumstanceArea;
import dk.jobbro.flagging.Severity;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingStatus;
import io.micronaut.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic national-scale Denmark in MariaDB, for the nightly run's benchmark: employers, postings and
 * citizens from {@link SyntheticDenmark} (kinds, occupations, skills, target groups, support needs), placed in the
 * 98 municipalities in proportion to their population (src/test/resources/national/municipalities.csv, rounded
 * figures for 2024) at the postcode nearest to a point inside the municipality, with circumstances for a realistic
 * share of the citizens (most of them activity-ready). Written with multi-row inserts, bypassing the API: this is
 * generated test data, not a load path.
 *
 * <p>Same seed, same calls, same rows. Ids follow those already in the tables (an empty database: from 1).
 * Postings are written before citizens; {@link #writeCitizens} may be called again to grow the world.
 */
public final class NationalDenmark {

    /** A municipality with its population and a circle that roughly covers it. */
    record Municipality(String name, int population, double latitude, double longitude, double radiusKm) {
    }

    /** What one call wrote. */
    public record Written(int employers, int postings, int openPostings, int citizens, int circumstances,
                          double seconds) {
        public double rowsPerSecond() {
            return (employers + postings + citizens + circumstances) / Math.max(0.001, seconds);
        }
    }

    private static final int ROWS_PER_INSERT = 500;

    private final SyntheticDenmark denmark;
    private final Random random;
    private final JsonMapper json;
    private final List<Municipality> municipalities = new ArrayList<>();
    private final double[] cumulativePopulation;
    private final List<SyntheticDenmark.Place> postcodes = new ArrayList<>();
    private final Map<Long, SyntheticDenmark.Place> employerPlaces = new HashMap<>();
    private final Map<Long, String> employerMunicipality = new HashMap<>();
    private final Instant now = Instant.now();
    private final LocalDate today = LocalDate.now();
    private long lastCitizenId = -1;
    private long employerBase;
    private long postingBase;

    public NationalDenmark(Path resources, Path municipalitiesCsv, long seed, JsonMapper json) {
        this.denmark = new SyntheticDenmark(resources, seed);
        this.random = new Random(seed * 31 + 7);
        this.json = json;
        for (String[] row : csv(municipalitiesCsv)) {
            municipalities.add(new Municipality(row[0], Integer.parseInt(row[1]), Double.parseDouble(row[3]),
                    Double.parseDouble(row[4]), Double.parseDouble(row[5])));
        }
        cumulativePopulation = new double[municipalities.size()];
        double sum = 0;
        for (int i = 0; i < municipalities.size(); i++) {
            sum += municipalities.get(i).population();
            cumulativePopulation[i] = sum;
        }
        for (String[] row : csv(resources.resolve("geo/postcodes_dk.csv"))) {
            postcodes.add(new SyntheticDenmark.Place(row[0], row[1], Double.parseDouble(row[2]),
                    Double.parseDouble(row[3])));
        }
    }

    public int municipalityCount() {
        return municipalities.size();
    }

    /**
     * Employers and postings until {@code openPostings} of them are open with no passed deadline (about 80 % of
     * those written: the others are drafts, filled, closed, expired or overdue, as in a real table).
     */
    public Written writePostings(DataSource dataSource, int openPostings) {
        long started = System.nanoTime();
        List<Posting> postings = new ArrayList<>();
        int open = 0;
        for (long id = 1; open < openPostings; id++) {
            Posting p = denmark.posting(id);
            SyntheticDenmark.Place at = employerPlaces.computeIfAbsent(p.employerId(), e -> {
                Municipality m = municipality();
                employerMunicipality.put(e, m.name());
                return placeIn(m);
            });
            postings.add(relocated(p, at));
            if (p.status() == PostingStatus.OPEN
                    && (p.applicationDeadline() == null || !p.applicationDeadline().isBefore(today))) {
                open++;
            }
        }
        try (Connection c = dataSource.getConnection()) {
            employerBase = maxId(c, "employer");
            postingBase = maxId(c, "posting");
            c.setAutoCommit(false);
            try (Insert employers = new Insert(c, "employer", "id", "name", "cvr", "street", "postcode", "city",
                    "latitude", "longitude", "ordinary_employees", "created_at", "updated_at")) {
                for (SyntheticDenmark.Employer e : denmark.employers().values().stream()
                        .sorted(java.util.Comparator.comparingLong(SyntheticDenmark.Employer::id)).toList()) {
                    SyntheticDenmark.Place at = employerPlaces.get(e.id());
                    int staff = 2 + (int) Math.round(Math.exp(random.nextGaussian() * 1.2 + 2.5));
                    long id = employerBase + e.id();
                    employers.add(id, e.name(), String.format("%08d", 20_000_000 + id), "Erhvervsvej 1",
                            at.postcode(), at.town(), at.latitude(), at.longitude(), staff, ts(now), ts(now));
                }
            }
            try (Insert insert = new Insert(c, "posting", "id", "employer_id", "kind", "status", "title",
                    "description", "occupation_code", "required_skills", "desired_skills", "street", "postcode", "city",
                    "latitude", "longitude", "hours_min", "hours_max", "start_date", "application_deadline",
                    "end_date", "slots", "slots_filled", "support_offered", "physical_demands",
                    "driving_licence_required", "language_requirements", "created_at", "updated_at")) {
                for (Posting p : postings) {
                    insert.add(postingBase + p.id(), employerBase + p.employerId(), p.kind().name(), p.status().name(), p.title(),
                            p.description(), p.occupationCode(), json(p.requiredSkills()), json(p.desiredSkills()),
                            p.street(), p.postcode(), p.city(), p.latitude(), p.longitude(), p.hoursMin(),
                            p.hoursMax(), p.startDate(), p.applicationDeadline(), p.endDate(), p.slots(),
                            p.slotsFilled(), json(p.supportOffered()), json(p.physicalDemands()),
                            p.drivingLicenceRequired(), json(p.languageRequirements()), ts(p.createdAt()),
                            ts(p.updatedAt()));
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing postings: " + e.getMessage(), e);
        }
        return new Written(denmark.employers().size(), postings.size(), open, 0, 0,
                (System.nanoTime() - started) / 1e9);
    }

    /** {@code count} more citizens, with their circumstances. */
    public Written writeCitizens(DataSource dataSource, int count) {
        long started = System.nanoTime();
        int circumstances = 0;
        try (Connection c = dataSource.getConnection()) {
            if (lastCitizenId < 0) {
                lastCitizenId = maxId(c, "citizen");
            }
            c.setAutoCommit(false);
            try (Insert citizens = new Insert(c, "citizen", "id", "name", "jobcentre", "target_group",
                    "home_postcode", "home_latitude", "home_longitude", "max_commute_km", "max_hours_per_week",
                    "available_from", "skills", "occupations_held", "occupations_wanted", "health_limitations",
                    "support_needs", "driving_licence", "languages", "active", "created_at", "updated_at");
                 Insert recorded = new Insert(c, citizens, "citizen_circumstance", "citizen_id", "area", "severity",
                         "handled", "recorded_on", "recorded_by")) {
                for (int i = 0; i < count; i++) {
                    long id = ++lastCitizenId;
                    Citizen z = denmark.citizen(id);
                    Municipality m = municipality();
                    SyntheticDenmark.Place home = placeIn(m);
                    citizens.add(id, z.name(), m.name(), z.targetGroup().name(), home.postcode(), home.latitude(),
                            home.longitude(), z.maxCommuteKm(), z.maxHoursPerWeek(), z.availableFrom(),
                            json(z.skills()), json(z.occupationsHeld()), json(z.occupationsWanted()),
                            json(z.healthLimitations()), json(z.supportNeeds()), z.drivingLicence(),
                            json(z.languages()), true, ts(now), ts(now));
                    for (CircumstanceArea area : circumstances(z.targetGroup())) {
                        recorded.add(id, area.name(), severity().name(), random.nextDouble() < 0.5, today,
                                "generator");
                        circumstances++;
                    }
                    if (i % 20_000 == 19_999) {
                        citizens.flush();
                        recorded.flush();
                        c.commit();
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing citizens: " + e.getMessage(), e);
        }
        return new Written(0, 0, 0, count, circumstances, (System.nanoTime() - started) / 1e9);
    }

    /** Activity-ready citizens and those on sickness benefit or in programmes mostly have some; others rarely. */
    private List<CircumstanceArea> circumstances(TargetGroup group) {
        double share = switch (group) {
            case CASH_BENEFIT_ACTIVITY_READY, EDUCATION_BENEFIT_ACTIVITY_READY, RESOURCE_PROGRAMME -> 0.7;
            case SICKNESS_BENEFIT, JOB_CLARIFICATION, FLEXIBLE_JOB -> 0.4;
            default -> 0.08;
        };
        List<CircumstanceArea> out = new ArrayList<>();
        if (random.nextDouble() >= share) {
            return out;
        }
        CircumstanceArea[] areas = CircumstanceArea.values();
        int n = 1 + (random.nextDouble() < 0.4 ? 1 + random.nextInt(3) : 0);
        while (out.size() < n) {
            CircumstanceArea a = areas[random.nextInt(areas.length)];
            if (!out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private Severity severity() {
        double roll = random.nextDouble();
        return roll < 0.35 ? Severity.MILD : roll < 0.75 ? Severity.MODERATE : Severity.SEVERE;
    }

    /** A municipality drawn with probability proportional to its population. */
    private Municipality municipality() {
        double at = random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1];
        int i = java.util.Arrays.binarySearch(cumulativePopulation, at);
        return municipalities.get(i >= 0 ? i : -i - 1);
    }

    /** A point in the municipality's circle (uniform over its area), named by the nearest postcode. */
    private SyntheticDenmark.Place placeIn(Municipality m) {
        double r = m.radiusKm() * Math.sqrt(random.nextDouble());
        double angle = random.nextDouble() * 2 * Math.PI;
        double lat = m.latitude() + r * Math.cos(angle) / 111.2;
        double lon = m.longitude() + r * Math.sin(angle) / (111.2 * Math.cos(Math.toRadians(m.latitude())));
        SyntheticDenmark.Place nearest = null;
        double best = Double.MAX_VALUE;
        double cos = Math.cos(Math.toRadians(lat));
        for (SyntheticDenmark.Place p : postcodes) {
            double dLat = p.latitude() - lat;
            double dLon = (p.longitude() - lon) * cos;
            double d = dLat * dLat + dLon * dLon;
            if (d < best) {
                best = d;
                nearest = p;
            }
        }
        return new SyntheticDenmark.Place(nearest.postcode(), nearest.town(), lat, lon);
    }

    private static Posting relocated(Posting p, SyntheticDenmark.Place at) {
        return new Posting(p.id(), p.employerId(), p.kind(), p.status(), p.title(), p.description(),
                p.occupationCode(), p.requiredSkills(), p.desiredSkills(), p.street(), at.postcode(), at.town(),
                at.latitude(), at.longitude(), p.hoursMin(), p.hoursMax(), p.startDate(), p.applicationDeadline(),
                p.endDate(), p.slots(), p.slotsFilled(), p.supportOffered(), p.physicalDemands(),
                p.drivingLicenceRequired(), p.languageRequirements(), p.createdAt(), p.updatedAt());
    }

    private static long maxId(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM " + table);
             java.sql.ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static List<String[]> csv(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(";", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Rows collected and sent {@value #ROWS_PER_INSERT} to an INSERT statement. */
    private static final class Insert implements AutoCloseable {
        private final Connection connection;
        private final Insert parent;
        private final String table;
        private final String[] columns;
        private final List<Object[]> rows = new ArrayList<>();

        Insert(Connection connection, String table, String... columns) {
            this(connection, null, table, columns);
        }

        /** Rows that refer to the parent's: the parent's rows are sent first. */
        Insert(Connection connection, Insert parent, String table, String... columns) {
            this.connection = connection;
            this.parent = parent;
            this.table = table;
            this.columns = columns;
        }

        void add(Object... values) throws SQLException {
            rows.add(values);
            if (rows.size() == ROWS_PER_INSERT) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            if (parent != null) {
                parent.flush();
            }
            String row = "(" + "?,".repeat(columns.length - 1) + "?)";
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                    + String.join(",", java.util.Collections.nCopies(rows.size(), row));
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                int i = 1;
                for (Object[] values : rows) {
                    for (Object v : values) {
                        s.setObject(i++, v);
                    }
                }
                s.executeUpdate();
            }
            rows.clear();
        }

        @Override
        public void close() throws SQLException {
            flush();
        }
    }
}
