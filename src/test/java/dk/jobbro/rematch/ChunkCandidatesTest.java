package dk.jobbro.rematch;

import dk.jobbro.matching.ScoreComponent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A chunk's candidates as it keeps them until the finish: numbers in, the kept ones' stored JSON out. */
class ChunkCandidatesTest {

    private static final String[] NAMES = {"skills", "occupation", "experience", "text", "distance", "hours",
            "support"};

    private static List<ScoreComponent> components(Random random, String text) {
        List<ScoreComponent> out = new ArrayList<>();
        for (String name : NAMES) {
            double value = Math.round(random.nextDouble() * 10_000) / 10_000.0;
            double weight = new double[]{4.0, 1.5, 0.5, 2.5, 3.0, 0.0, 1e-4}[random.nextInt(7)];
            out.add(new ScoreComponent(name, value, weight, Math.round(value * weight * 10_000) / 10_000.0, text));
        }
        return out;
    }

    private static RematchStore.CandidateRow candidate(long citizen, long posting, List<ScoreComponent> components) {
        return new RematchStore.CandidateRow(citizen, posting, 1000 + posting, 0.5, components);
    }

    private static List<RematchStore.CandidateRow> chunk(int size, long seed) {
        Random random = new Random(seed);
        List<RematchStore.CandidateRow> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(candidate(i / 30, i, components(random, "")));
        }
        return rows;
    }

    private static int[] everyThird(int size) {
        int[] ranks = new int[size];
        for (int i = 0; i < size; i += 3) {
            ranks[i] = 1 + i % 20;
        }
        return ranks;
    }

    @Test
    void aKeptCandidatesComponentsAreTheJsonOfTheSameNumbersBitForBit() {
        // Double.toString tells every two doubles apart (-0.0 from 0.0 too), so equal JSON means equal bits.
        List<ScoreComponent> awkward = List.of(
                new ScoreComponent("skills", 0.1 + 0.2, Math.nextUp(1.0), -0.0, ""),
                new ScoreComponent("distance", Double.MIN_VALUE, 1e300, 4.9e-324, ""),
                new ScoreComponent("support", 1.0 / 3, 2.0 / 3, Math.ulp(1.0), ""),
                new ScoreComponent("hours", 0.0, 0.0, 0.0, ""));
        List<RematchStore.CandidateRow> rows = new ArrayList<>(chunk(60, 5));
        rows.add(candidate(2, 60, awkward));
        int[] ranks = new int[rows.size()];
        java.util.Arrays.fill(ranks, 1);

        String[] stored = ChunkCandidates.components(ChunkCandidates.components(rows), ranks);

        assertEquals(rows.size(), stored.length);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(RematchSteps.components(rows.get(i).components()), stored[i], "candidate " + i);
        }
        assertEquals("[{\"name\":\"skills\",\"value\":0.30000000000000004,\"weight\":1.0000000000000002,"
                + "\"points\":-0.0},{\"name\":\"distance\",\"value\":4.9E-324,\"weight\":1.0E300,\"points\":4.9E-324},"
                + "{\"name\":\"support\",\"value\":0.3333333333333333,\"weight\":0.6666666666666666,"
                + "\"points\":2.220446049250313E-16},{\"name\":\"hours\",\"value\":0.0,\"weight\":0.0,\"points\":0.0}]",
                stored[60]);
    }

    @Test
    void candidatesTheFatigueCapDidNotKeepAreSkippedNotDecodedIntoStrings() {
        List<RematchStore.CandidateRow> rows = chunk(900, 7);
        int[] ranks = everyThird(rows.size());

        String[] stored = ChunkCandidates.components(ChunkCandidates.components(rows), ranks);

        for (int i = 0; i < rows.size(); i++) {
            if (ranks[i] == 0) {
                assertNull(stored[i], "candidate " + i + " is not kept");
            } else {
                assertEquals(RematchSteps.components(rows.get(i).components()), stored[i], "candidate " + i);
            }
        }
    }

    @Test
    void candidatesWithDifferentComponentsShareTheChunksNamesAndKeepTheirOwnCountAndOrder() {
        Random random = new Random(11);
        List<ScoreComponent> full = components(random, "");
        List<RematchStore.CandidateRow> rows = List.of(
                candidate(1, 1, full),
                candidate(1, 2, List.of()),
                candidate(2, 3, List.of(full.get(4), full.get(0))),
                candidate(2, 4, List.of(new ScoreComponent("extra_2", 0.25, 1.0, 0.25, ""), full.get(6))));

        String[] stored = ChunkCandidates.components(ChunkCandidates.components(rows), new int[]{1, 2, 1, 2});

        assertEquals(RematchSteps.components(full), stored[0]);
        assertEquals("[]", stored[1]);
        assertEquals(RematchSteps.components(List.of(full.get(4), full.get(0))), stored[2]);
        assertEquals("[{\"name\":\"extra_2\",\"value\":0.25,\"weight\":1.0,\"points\":0.25},"
                + RematchSteps.components(List.of(full.get(6))).substring(1), stored[3]);
    }

    @Test
    void aComponentsTextIsNeverStored() throws IOException {
        String text = "Afstand 4,3 km fra Søndergade 12";
        List<RematchStore.CandidateRow> rows = List.of(candidate(1, 1, components(new Random(3), text)));

        byte[] inflated = new InflaterInputStream(new ByteArrayInputStream(ChunkCandidates.components(rows)))
                .readAllBytes();

        assertFalse(new String(inflated, StandardCharsets.ISO_8859_1).contains("Afstand"));
        assertFalse(new String(inflated, StandardCharsets.UTF_8).contains("Søndergade"));
    }

    @Test
    void aBlobWrittenBeforeTheNumbersFormatIsStillRead() throws IOException {
        // A run killed during an upgrade resumes with its matched chunks as the version before wrote them: the
        // candidate count, then each candidate's JSON (writeUTF), deflated.
        List<RematchStore.CandidateRow> rows = chunk(90, 13);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
            out.writeInt(rows.size());
            for (RematchStore.CandidateRow r : rows) {
                out.writeUTF(RematchSteps.components(r.components()));
            }
        }
        int[] ranks = everyThird(rows.size());

        String[] stored = ChunkCandidates.components(bytes.toByteArray(), ranks);

        for (int i = 0; i < rows.size(); i++) {
            assertEquals(ranks[i] == 0 ? null : RematchSteps.components(rows.get(i).components()), stored[i],
                    "candidate " + i);
        }
    }

    @Test
    void anEmptyChunkHasNoComponents() {
        assertArrayEquals(new String[0], ChunkCandidates.components(ChunkCandidates.components(List.of()), new int[0]));
    }

    @Test
    void ranksForADifferentNumberOfCandidatesAreRefused() {
        byte[] stored = ChunkCandidates.components(chunk(10, 17));

        assertThrows(IllegalArgumentException.class, () -> ChunkCandidates.components(stored, new int[9]));
    }
}
