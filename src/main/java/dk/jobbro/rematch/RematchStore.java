package dk.jobbro.rematch;

import dk.jobbro.db.MultiRowInsert;
import dk.jobbro.matching.ScoreComponent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's tables in plain JDBC, each write in its own transaction on a connection of its own: the run's steps
 * are db-scheduler tasks outside any request, and a chunk's rows and its DONE mark must commit together.
 */
@Singleton
class RematchStore implements dk.jobbro.security.MatchSnapshots {

    private final DataSource dataSource;

    RematchStore(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** A run as stored. */
    record RunRow(long id, RematchRun.State state, String startedBy, Instant startedAt, Instant preparedAt,
                  Instant finishedAt, int totalCitizens, int topN, int fatigueCap, String rankingVersion,
                  String eligibilityVersion, String report, int postingsExpired, int flagsEvaluated,
                  long prepareMillis, String allocation) {
    }

    /** A chunk; {@code done}: matched (DONE or STORED), {@code stored}: its kept matches are in rematch_match. */
    record ChunkRow(long runId, int chunkNo, long firstId, long lastId, int citizens, boolean done, boolean stored) {
    }

    /** A stored match (or a dropped one) as the feed shows it. */
    record MatchRow(long runId, long citizenId, long postingId, double score, Integer rank, String change,
                    Double previousScore, String components, String rankingVersion, String eligibilityVersion,
                    long employerId) {
    }

    /** Progress counters of a run: chunks matched ({@code chunksDone}) and of those stored by the finish. */
    record Counts(int chunks, int chunksDone, int citizensDone, int failed, int chunksStored) {
    }

    /** Another run is under way. */
    static final class AlreadyRunning extends Exception {
        AlreadyRunning() {
            super(null, null, false, false);
        }
    }

    interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Rematch store: " + e.getMessage(), e);
        }
    }

    // ---- runs

    long insertRun(String startedBy, int topN, int cap, String rankingVersion, String eligibilityVersion,
                   Instant now) throws AlreadyRunning {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO rematch_run (state, started_by, running,"
                     + " started_at, top_n, fatigue_cap, ranking_version, eligibility_version)"
                     + " VALUES ('PREPARING', ?, 1, ?, ?, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, startedBy);
            s.setTimestamp(2, Timestamp.from(now));
            s.setInt(3, topN);
            s.setInt(4, cap);
            s.setString(5, rankingVersion);
            s.setString(6, eligibilityVersion);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLIntegrityConstraintViolationException duplicate) {
            throw new AlreadyRunning();
        } catch (SQLException e) {
            throw new IllegalStateException("Rematch store: " + e.getMessage(), e);
        }
    }

    Optional<RunRow> run(long id) {
        return runs("SELECT * FROM rematch_run WHERE id = ?", id).stream().findFirst();
    }

    Optional<RunRow> running() {
        return runs("SELECT * FROM rematch_run WHERE running = 1", null).stream().findFirst();
    }

    Optional<RunRow> latestDone() {
        return runs("SELECT * FROM rematch_run WHERE state = 'DONE' ORDER BY id DESC LIMIT 1", null).stream()
                .findFirst();
    }

    /** The last finished run before this one: the one a run's matches are compared with. */
    Optional<Long> previousDone(long runId) {
        return runs("SELECT * FROM rematch_run WHERE state = 'DONE' AND id < ? ORDER BY id DESC LIMIT 1", runId)
                .stream().findFirst().map(RunRow::id);
    }

    private List<RunRow> runs(String sql, Long arg) {
        return inTransaction(c -> {
            List<RunRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (arg != null) {
                    s.setLong(1, arg);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new RunRow(r.getLong("id"), RematchRun.State.valueOf(r.getString("state")),
                                r.getString("started_by"), instant(r, "started_at"), instant(r, "prepared_at"),
                                instant(r, "finished_at"), r.getInt("total_citizens"), r.getInt("top_n"),
                                r.getInt("fatigue_cap"), r.getString("ranking_version"),
                                r.getString("eligibility_version"), r.getString("report"),
                                r.getInt("postings_expired"), r.getInt("flags_evaluated"),
                                r.getLong("prepare_millis"), r.getString("allocation")));
                    }
                }
            }
            return out;
        });
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Active citizens' ids in order: only ids, never a profile, to cut the run into chunks. */
    List<Long> activeCitizenIds() {
        return inTransaction(c -> longs(c, "SELECT id FROM citizen WHERE active = TRUE ORDER BY id", List.of()));
    }

    /** Writes the chunks and moves the run to MATCHING, once: false when the run was prepared already. */
    boolean prepare(long runId, List<ChunkRow> chunks, int postingsExpired, int flagsEvaluated, long millis,
                    Instant now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_run SET state = 'MATCHING', prepared_at = ?,"
                    + " total_citizens = ?, postings_expired = ?, flags_evaluated = ?, prepare_millis = ?"
                    + " WHERE id = ? AND state = 'PREPARING'")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setInt(2, chunks.stream().mapToInt(ChunkRow::citizens).sum());
                s.setInt(3, postingsExpired);
                s.setInt(4, flagsEvaluated);
                s.setLong(5, millis);
                s.setLong(6, runId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rematch_chunk (run_id, chunk_no, first_id,"
                    + " last_id, citizens, state) VALUES (?, ?, ?, ?, ?, 'PENDING')")) {
                for (ChunkRow chunk : chunks) {
                    s.setLong(1, runId);
                    s.setInt(2, chunk.chunkNo());
                    s.setLong(3, chunk.firstId());
                    s.setLong(4, chunk.lastId());
                    s.setInt(5, chunk.citizens());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    List<Integer> pendingChunks(long runId) {
        return inTransaction(c -> longs(c, "SELECT chunk_no FROM rematch_chunk WHERE run_id = ? AND state = 'PENDING'"
                + " ORDER BY chunk_no", List.of(runId)).stream().map(Long::intValue).toList());
    }

    Optional<ChunkRow> chunk(long runId, int chunkNo) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM rematch_chunk WHERE run_id = ? AND chunk_no = ?")) {
                s.setLong(1, runId);
                s.setInt(2, chunkNo);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new ChunkRow(runId, chunkNo, r.getLong("first_id"),
                            r.getLong("last_id"), r.getInt("citizens"), !"PENDING".equals(r.getString("state")),
                            "STORED".equals(r.getString("state")))) : Optional.<ChunkRow>empty();
                }
            }
        });
    }

    /** One candidate to store: its keys and its score components' numbers (their texts are never stored). */
    record CandidateRow(long citizenId, long postingId, long employerId, double score,
                        List<ScoreComponent> components) {
    }

    /**
     * A chunk's candidates and failures and its DONE mark, in one transaction: an earlier try that died left nothing
     * (it never committed), and the PENDING-to-DONE update lets only one try commit. False when the chunk was done
     * already, in which case nothing is written.
     */
    boolean completeChunk(ChunkRow chunk, List<CandidateRow> rows, Map<Long, String> failures, String doneBy,
                          long millis, Instant now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_chunk SET state = 'DONE', matched = ?,"
                    + " failed = ?, done_by = ?, done_at = ?, millis = ? WHERE run_id = ? AND chunk_no = ?"
                    + " AND state = 'PENDING'")) {
                s.setInt(1, (int) rows.stream().mapToLong(CandidateRow::citizenId).distinct().count());
                s.setInt(2, failures.size());
                s.setString(3, doneBy);
                s.setTimestamp(4, Timestamp.from(now));
                s.setLong(5, millis);
                s.setLong(6, chunk.runId());
                s.setInt(7, chunk.chunkNo());
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_chunk SET candidate_keys = ?,"
                    + " candidate_components = ? WHERE run_id = ? AND chunk_no = ?")) {
                s.setBytes(1, ChunkCandidates.keys(rows));
                s.setBytes(2, ChunkCandidates.components(rows));
                s.setLong(3, chunk.runId());
                s.setInt(4, chunk.chunkNo());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO rematch_failure (run_id, citizen_id, error)"
                    + " VALUES (?, ?, ?)")) {
                for (Map.Entry<Long, String> f : failures.entrySet()) {
                    s.setLong(1, chunk.runId());
                    s.setLong(2, f.getKey());
                    s.setString(3, f.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    Counts counts(long runId) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(state <> 'PENDING'), 0),"
                    + " COALESCE(SUM(CASE WHEN state <> 'PENDING' THEN citizens ELSE 0 END), 0),"
                    + " COALESCE(SUM(failed), 0), COALESCE(SUM(state = 'STORED'), 0) FROM rematch_chunk"
                    + " WHERE run_id = ?")) {
                s.setLong(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new Counts(r.getInt(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5));
                }
            }
        });
    }

    /** Failed citizens of a run and their errors, at most {@code limit}. */
    Map<Long, String> failures(long runId, int limit) {
        return inTransaction(c -> {
            Map<Long, String> out = new java.util.LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT citizen_id, error FROM rematch_failure"
                    + " WHERE run_id = ? ORDER BY citizen_id LIMIT ?")) {
                s.setLong(1, runId);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getLong(1), r.getString(2));
                    }
                }
            }
            return out;
        });
    }

    // ---- finishing

    /** Moves the run from MATCHING to FINISHING once; false when another instance did. */
    boolean beginFinishing(long runId) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_run SET state = 'FINISHING'"
                    + " WHERE id = ? AND state = 'MATCHING'")) {
                s.setLong(1, runId);
                return s.executeUpdate() == 1;
            }
        });
    }

    /** The candidates' keys of every matched chunk, by chunk number: what the fatigue cap weighs. */
    Map<Integer, ChunkCandidates.Keys> candidateKeys(long runId) {
        return inTransaction(c -> {
            Map<Integer, ChunkCandidates.Keys> out = new java.util.TreeMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT chunk_no, candidate_keys FROM rematch_chunk"
                    + " WHERE run_id = ? AND state <> 'PENDING'")) {
                s.setLong(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        byte[] keys = r.getBytes(2);
                        out.put(r.getInt(1), keys == null ? ChunkCandidates.keys(ChunkCandidates.keys(List.of()))
                                : ChunkCandidates.keys(keys));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The fatigue cap's outcome, once: each chunk's ranks and the run's allocation summary. False when another
     * instance wrote it first (nothing is written then).
     */
    boolean saveAllocation(long runId, Map<Integer, int[]> ranks, String allocation) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_run SET allocation = ? WHERE id = ?"
                    + " AND state = 'FINISHING' AND allocation IS NULL")) {
                s.setString(1, allocation);
                s.setLong(2, runId);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_chunk SET ranks = ? WHERE run_id = ?"
                    + " AND chunk_no = ?")) {
                for (Map.Entry<Integer, int[]> e : ranks.entrySet()) {
                    s.setBytes(1, ChunkCandidates.ranks(e.getValue()));
                    s.setLong(2, runId);
                    s.setInt(3, e.getKey());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    /** Matched chunks whose kept matches are not stored yet. */
    List<Integer> unstoredChunks(long runId) {
        return inTransaction(c -> longs(c, "SELECT chunk_no FROM rematch_chunk WHERE run_id = ? AND state = 'DONE'"
                + " ORDER BY chunk_no", List.of(runId)).stream().map(Long::intValue).toList());
    }

    /**
     * What the finish stores of one chunk: its candidates, their ranks and the kept ones' components as stored JSON
     * (null for a candidate not kept), the i-th of each one candidate.
     */
    record ChunkResults(ChunkCandidates.Keys keys, String[] components, int[] ranks) {
    }

    Optional<ChunkResults> chunkResults(long runId, int chunkNo) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT candidate_keys, candidate_components, ranks"
                    + " FROM rematch_chunk WHERE run_id = ? AND chunk_no = ? AND state = 'DONE'")) {
                s.setLong(1, runId);
                s.setInt(2, chunkNo);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getBytes(3) == null) {
                        return Optional.<ChunkResults>empty();
                    }
                    byte[] keys = r.getBytes(1);
                    byte[] components = r.getBytes(2);
                    int[] ranks = ChunkCandidates.ranks(r.getBytes(3));
                    return Optional.of(new ChunkResults(
                            ChunkCandidates.keys(keys == null ? ChunkCandidates.keys(List.of()) : keys),
                            components == null ? new String[0] : ChunkCandidates.components(components, ranks),
                            ranks));
                }
            }
        });
    }

    /**
     * The citizen ids a chunk answers for in the finish: above the previous chunk's last id, up to its own last id
     * (the last chunk: every id above), so that every citizen of the previous run is compared by exactly one chunk.
     */
    long[] citizenRange(long runId, int chunkNo) {
        return inTransaction(c -> {
            long low = chunkNo == 0 ? Long.MIN_VALUE : longs(c, "SELECT last_id FROM rematch_chunk WHERE run_id = ?"
                    + " AND chunk_no = ?", List.of(runId, chunkNo - 1)).getFirst();
            List<Long> own = longs(c, "SELECT last_id FROM rematch_chunk WHERE run_id = ? AND chunk_no = ?",
                    List.of(runId, chunkNo));
            boolean last = longs(c, "SELECT COUNT(*) FROM rematch_chunk WHERE run_id = ? AND chunk_no > ?",
                    List.of(runId, chunkNo)).getFirst() == 0;
            return new long[]{low, last ? Long.MAX_VALUE : own.getFirst()};
        });
    }

    /** Citizens with ids in (low, high] as they are now: id to active. An erased citizen is not there. */
    Map<Long, Boolean> citizensIn(long low, long high) {
        return inTransaction(c -> {
            Map<Long, Boolean> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, active FROM citizen WHERE id > ? AND id <= ?")) {
                s.setLong(1, low);
                s.setLong(2, high);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getLong(1), r.getBoolean(2));
                    }
                }
            }
            return out;
        });
    }

    /** Citizens with ids in (low, high] whose matching failed in the run. */
    java.util.Set<Long> failedIn(long runId, long low, long high) {
        return inTransaction(c -> new java.util.HashSet<>(longs(c, "SELECT citizen_id FROM rematch_failure"
                + " WHERE run_id = ? AND citizen_id > ? AND citizen_id <= ?", List.of(runId, low, high))));
    }

    /** The ranked matches of a finished run for citizens with ids in (low, high]. */
    List<MatchRow> rankedIn(long runId, long low, long high) {
        return inTransaction(c -> {
            List<MatchRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT citizen_id, posting_id, employer_id, score,"
                    + " match_rank, components, ranking_version, eligibility_version FROM rematch_match"
                    + " WHERE run_id = ? AND citizen_id > ? AND citizen_id <= ? AND match_rank IS NOT NULL")) {
                s.setLong(1, runId);
                s.setLong(2, low);
                s.setLong(3, high);
                s.setFetchSize(10_000);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new MatchRow(runId, r.getLong(1), r.getLong(2), r.getDouble(4), r.getInt(5), null,
                                null, r.getString(6), r.getString(7), r.getString(8), r.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

    /** A row of the finished run's results: a kept match (rank set) or a dropped one (rank null). */
    record ResultRow(long citizenId, long postingId, long employerId, double score, Integer rank, MatchChange change,
                     Double previousScore, String components, String rankingVersion, String eligibilityVersion) {
    }

    /**
     * One chunk's results and its STORED mark, in one transaction; false (nothing written) when another try stored
     * it first.
     */
    boolean storeChunk(long runId, int chunkNo, List<ResultRow> rows, int fresh, int dropped) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_chunk SET state = 'STORED', new_matches = ?,"
                    + " dropped = ? WHERE run_id = ? AND chunk_no = ? AND state = 'DONE'")) {
                s.setInt(1, fresh);
                s.setInt(2, dropped);
                s.setLong(3, runId);
                s.setInt(4, chunkNo);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            insertResults(c, runId, rows);
            return true;
        });
    }

    private static final List<String> RESULT_COLUMNS = List.of("run_id", "citizen_id", "posting_id", "employer_id",
            "score", "match_rank", "change_kind", "previous_score", "components", "ranking_version",
            "eligibility_version");

    private static void insertResults(Connection c, long runId, List<ResultRow> rows) throws SQLException {
        MultiRowInsert.insert(c, "rematch_match", RESULT_COLUMNS, rows, (s, i, r) -> {
            s.setLong(i++, runId);
            s.setLong(i++, r.citizenId());
            s.setLong(i++, r.postingId());
            s.setLong(i++, r.employerId());
            s.setDouble(i++, r.score());
            s.setObject(i++, r.rank());
            s.setString(i++, r.change().name());
            s.setObject(i++, r.previousScore());
            s.setString(i++, r.components());
            s.setString(i++, r.rankingVersion());
            s.setString(i++, r.eligibilityVersion());
            return i;
        });
    }

    /** New and dropped matches summed over the stored chunks. */
    int[] storedTotals(long runId) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(SUM(new_matches), 0),"
                    + " COALESCE(SUM(dropped), 0) FROM rematch_chunk WHERE run_id = ? AND state = 'STORED'")) {
                s.setLong(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new int[]{r.getInt(1), r.getInt(2)};
                }
            }
        });
    }

    /** Marks the run DONE with its report, once, and clears the chunks' candidates: results live in rematch_match. */
    boolean complete(long runId, String report, Instant now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE rematch_run SET state = 'DONE', running = NULL,"
                    + " finished_at = ?, report = ? WHERE id = ? AND state = 'FINISHING'")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.setString(2, report);
                s.setLong(3, runId);
                if (s.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            update(c, "UPDATE rematch_chunk SET candidate_keys = NULL, candidate_components = NULL, ranks = NULL"
                    + " WHERE run_id = ?", runId);
            return true;
        });
    }

    // ---- reading results

    /** A citizen's rows of one run: ranked matches first, then dropped ones. */
    List<MatchRow> matchesOf(long citizenId, long runId) {
        return inTransaction(c -> {
            List<MatchRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM rematch_match WHERE run_id = ?"
                    + " AND citizen_id = ? ORDER BY match_rank IS NULL, match_rank, posting_id")) {
                s.setLong(1, runId);
                s.setLong(2, citizenId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        int rank = r.getInt("match_rank");
                        Integer rankOrNull = r.wasNull() ? null : rank;
                        double prev = r.getDouble("previous_score");
                        Double prevOrNull = r.wasNull() ? null : prev;
                        out.add(new MatchRow(runId, citizenId, r.getLong("posting_id"), r.getDouble("score"),
                                rankOrNull, r.getString("change_kind"), prevOrNull, r.getString("components"),
                                r.getString("ranking_version"), r.getString("eligibility_version"),
                                r.getLong("employer_id")));
                    }
                }
            }
            return out;
        });
    }

    /** Runs finished after {@code afterRunId} (exclusive), in order. */
    List<Long> doneRunsAfter(long afterRunId) {
        return inTransaction(c -> longs(c, "SELECT id FROM rematch_run WHERE state = 'DONE' AND id > ? ORDER BY id",
                List.of(afterRunId)));
    }

    /** How many NEW matches each active citizen of a jobcentre got in the latest finished run. */
    Map<Long, Integer> newMatchCounts(String jobcentre) {
        return inTransaction(c -> {
            Map<Long, Integer> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT m.citizen_id, COUNT(*) FROM rematch_match m"
                    + " JOIN citizen z ON z.id = m.citizen_id AND z.jobcentre = ?"
                    + " WHERE m.run_id = (SELECT MAX(id) FROM rematch_run WHERE state = 'DONE')"
                    + " AND m.change_kind = 'NEW' GROUP BY m.citizen_id")) {
                s.setString(1, jobcentre);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getLong(1), r.getInt(2));
                    }
                }
            }
            return out;
        });
    }

    /** Deletes finished runs (with their chunks, matches and failures) finished before the cut-off. */
    @Override
    public int purgeFinishedBefore(Instant cutoff) {
        return inTransaction(c -> {
            List<Long> ids = longs(c, "SELECT id FROM rematch_run WHERE state = 'DONE' AND finished_at < ?",
                    List.of(Timestamp.from(cutoff)));
            for (long id : ids) {
                for (String table : List.of("rematch_match", "rematch_failure", "rematch_chunk")) {
                    update(c, "DELETE FROM " + table + " WHERE run_id = ?", id);
                }
                update(c, "DELETE FROM rematch_run WHERE id = ?", id);
            }
            return ids.size();
        });
    }

    private static void update(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, arg);
            s.executeUpdate();
        }
    }

    private static List<Long> longs(Connection c, String sql, List<Object> args) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                s.setObject(i + 1, args.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getLong(1));
                }
            }
        }
        return out;
    }
}
