package dk.jobbro.rematch;

import dk.jobbro.matching.ScoreComponent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A chunk's candidates as the chunk keeps them until the run's finish: the keys the fatigue cap needs (citizen,
 * posting, employer, score) apart from the score components only the kept ones need, both deflated. One row per
 * chunk instead of a row per candidate: at national scale 9 million candidate rows, nine in ten deleted again by
 * the finish, cost more than the matching (docs/measurements.md). The components are kept as numbers and become
 * their stored JSON only for the candidates the fatigue cap keeps (about 1 million): building, deflating and
 * inflating JSON for all 9 million was about 3 % of the run's worker time. Encoding only; {@link RematchStore}
 * stores them.
 */
final class ChunkCandidates {

    private ChunkCandidates() {
    }

    /** The candidates' keys in the chunk's order: the i-th of each array is one candidate. */
    record Keys(long[] citizens, long[] postings, long[] employers, double[] scores) {
        int size() {
            return citizens.length;
        }
    }

    static byte[] keys(List<RematchStore.CandidateRow> rows) {
        return write(out -> {
            out.writeInt(rows.size());
            for (RematchStore.CandidateRow r : rows) {
                out.writeLong(r.citizenId());
                out.writeLong(r.postingId());
                out.writeLong(r.employerId());
                out.writeDouble(r.score());
            }
        });
    }

    static Keys keys(byte[] stored) {
        try (DataInputStream in = read(stored)) {
            int n = in.readInt();
            Keys k = new Keys(new long[n], new long[n], new long[n], new double[n]);
            for (int i = 0; i < n; i++) {
                k.citizens()[i] = in.readLong();
                k.postings()[i] = in.readLong();
                k.employers()[i] = in.readLong();
                k.scores()[i] = in.readDouble();
            }
            return k;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks a components blob of numbers (the second format, negated). The format before it (each candidate's
     * components as a writeUTF JSON string) starts with its candidate count, never negative; a run killed during an
     * upgrade resumes with its chunks in that format, so {@link #components(byte[], int[])} reads both.
     */
    private static final int NUMBERS_FORMAT = -2;
    /** The most names a chunk and components a candidate: each is one unsigned byte (the scorer has seven). */
    private static final int UNSIGNED_BYTE_MAX = 255;
    /** A component's bytes after its name index: value, weight and points. */
    private static final int NUMBERS_BYTES = 3 * Double.BYTES;

    /**
     * The candidates' score components as numbers: the marker, the blob's distinct names once, then per candidate
     * its component count and per component its name's index, value, weight and points (doubles, bit-exact). No
     * text: a component's text can be about the citizen and is never stored.
     */
    static byte[] components(List<RematchStore.CandidateRow> rows) {
        Map<String, Integer> names = new LinkedHashMap<>();
        for (RematchStore.CandidateRow r : rows) {
            for (ScoreComponent c : r.components()) {
                names.putIfAbsent(c.name(), names.size());
            }
        }
        if (names.size() > UNSIGNED_BYTE_MAX) {
            throw new IllegalArgumentException("At most " + UNSIGNED_BYTE_MAX + " component names a chunk: "
                    + names.size());
        }
        return write(out -> {
            out.writeInt(NUMBERS_FORMAT);
            out.writeByte(names.size());
            for (String name : names.keySet()) {
                out.writeUTF(name);
            }
            out.writeInt(rows.size());
            for (RematchStore.CandidateRow r : rows) {
                if (r.components().size() > UNSIGNED_BYTE_MAX) {
                    throw new IllegalArgumentException("At most " + UNSIGNED_BYTE_MAX + " components a candidate");
                }
                out.writeByte(r.components().size());
                for (ScoreComponent c : r.components()) {
                    out.writeByte(names.get(c.name()));
                    out.writeDouble(c.value());
                    out.writeDouble(c.weight());
                    out.writeDouble(c.points());
                }
            }
        });
    }

    /**
     * The components' JSON ({@link RematchSteps#components}) of each candidate with a rank above 0, null for the
     * others: at national scale 1 million of 9 million candidates are kept, the rest are skipped without building a
     * string. {@code ranks} are the chunk's, in the candidates' order. Reads the format before
     * {@link #NUMBERS_FORMAT} too.
     */
    static String[] components(byte[] stored, int[] ranks) {
        try (DataInputStream in = read(stored)) {
            int first = in.readInt();
            if (first == NUMBERS_FORMAT) {
                return keptFromNumbers(in, ranks);
            }
            if (first >= 0) {
                return keptFromJson(in, first, ranks);
            }
            throw new IllegalArgumentException("Score components in an unknown format: " + first);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] keptFromNumbers(DataInputStream in, int[] ranks) throws IOException {
        String[] names = new String[in.readUnsignedByte()];
        for (int i = 0; i < names.length; i++) {
            names[i] = in.readUTF();
        }
        String[] out = new String[candidates(in.readInt(), ranks)];
        for (int i = 0; i < out.length; i++) {
            int count = in.readUnsignedByte();
            if (ranks[i] == 0) {
                in.skipNBytes((long) count * (1 + NUMBERS_BYTES));
                continue;
            }
            List<ScoreComponent> components = new ArrayList<>(count);
            for (int j = 0; j < count; j++) {
                String name = names[in.readUnsignedByte()];
                components.add(new ScoreComponent(name, in.readDouble(), in.readDouble(), in.readDouble(), ""));
            }
            out[i] = RematchSteps.components(components);
        }
        return out;
    }

    /** The format before {@link #NUMBERS_FORMAT}: the candidate count, then each candidate's JSON as writeUTF. */
    private static String[] keptFromJson(DataInputStream in, int count, int[] ranks) throws IOException {
        String[] out = new String[candidates(count, ranks)];
        for (int i = 0; i < out.length; i++) {
            if (ranks[i] == 0) {
                in.skipNBytes(in.readUnsignedShort());
            } else {
                out[i] = in.readUTF();
            }
        }
        return out;
    }

    private static int candidates(int count, int[] ranks) {
        if (count != ranks.length) {
            throw new IllegalArgumentException("A chunk of " + count + " candidates with " + ranks.length + " ranks");
        }
        return count;
    }

    /** Each candidate's rank in its citizen's list after the fatigue cap, 0 for one not kept. */
    static byte[] ranks(int[] ranks) {
        return write(out -> {
            out.writeInt(ranks.length);
            for (int r : ranks) {
                out.writeShort(r);
            }
        });
    }

    static int[] ranks(byte[] stored) {
        try (DataInputStream in = read(stored)) {
            int[] out = new int[in.readInt()];
            for (int i = 0; i < out.length; i++) {
                out[i] = in.readShort();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Writing {
        void to(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writing writing) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        // Buffered before the deflater: its write of one byte (writeByte, and the 8 of each writeLong) deflates on
        // every call; unbuffered, the numbers of a chunk's 15,000 candidates took three times the JSON's time.
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            writing.to(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static DataInputStream read(byte[] stored) {
        return new DataInputStream(new java.io.BufferedInputStream(new InflaterInputStream(
                new ByteArrayInputStream(stored)), 1 << 16));
    }
}
