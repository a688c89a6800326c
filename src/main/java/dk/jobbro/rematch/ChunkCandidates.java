package dk.jobbro.rematch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A chunk's candidates as the chunk keeps them until the run's finish: the keys the fatigue cap needs (citizen,
 * posting, employer, score) apart from the score components only the kept ones need, both deflated. One row per
 * chunk instead of a row per candidate: at national scale 9 million candidate rows, two thirds deleted again by the
 * finish, cost more than the matching (docs/measurements.md). Encoding only; {@link RematchStore} stores them.
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

    static byte[] components(List<RematchStore.CandidateRow> rows) {
        return write(out -> {
            out.writeInt(rows.size());
            for (RematchStore.CandidateRow r : rows) {
                out.writeUTF(r.components());
            }
        });
    }

    static List<String> components(byte[] stored) {
        try (DataInputStream in = read(stored)) {
            int n = in.readInt();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(in.readUTF());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes, deflater, 1 << 16))) {
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
