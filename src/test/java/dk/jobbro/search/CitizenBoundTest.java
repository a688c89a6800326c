package dk.jobbro.search;

import dk.jobbro.matching.MatchingProbe;
import dk.jobbro.matching.MatchingService;
import dk.jobbro.posting.Posting;
import dk.jobbro.taxonomy.Taxonomy;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reverse search's bound ({@link CitizenBound} beside the filter query) at a size where the ranking stops after
 * scoring a few of the eligible citizens, so an order that put someone too low would show: the top k from the citizen
 * index is the exhaustive ranking of every citizen's facts, for generated postings and citizens. (With the few
 * citizens of the HTTP tests every ranking scores everyone and the bound cannot be wrong.)
 */
class CitizenBoundTest {

    private static final int POSTINGS = 2_000;
    private static final int CITIZENS = 4_000;
    private static ApplicationContext context;
    private static MatchingService matching;
    private static CitizenIndex citizens;
    private static final List<Posting> written = new ArrayList<>();

    @BeforeAll
    static void generatedWorld() throws Exception {
        Path resources = Path.of("index");
        context = ApplicationContext.builder().properties(Map.of(
                "jobbro.demo-data.enabled", false,
                "jobbro.embedded-db.fresh-database-per-context", true,
                "jobbro.index.path", Files.createTempDirectory("jobbro-citizen-bound").toString(),
                "jobbro.taxonomy.seed-dir", resources.resolve("taxonomy").toString(),
                "jobbro.resources-dir", resources.toString())).deduceEnvironment(false).start();
        PostingIndex postings = context.getBean(PostingIndex.class);
        citizens = context.getBean(CitizenIndex.class);
        CitizenIndexer indexer = context.getBean(CitizenIndexer.class);
        matching = context.getBean(MatchingService.class);
        Taxonomy taxonomy = context.getBean(Taxonomy.class);
        SyntheticDenmark denmark = new SyntheticDenmark(resources, 5);
        for (long id = 1; id <= POSTINGS; id++) {
            Posting p = denmark.posting(id);
            written.add(p);
            postings.upsert(p.id(), PostingDocuments.toDocument(p, denmark.employers().get(p.employerId()).name(),
                    taxonomy));
        }
        postings.refresh();
        for (long id = 1; id <= CITIZENS; id++) {
            citizens.upsert(indexer.facts(CandidatesBenchmark.withId(denmark.nationalCitizen(id), id), List.of()));
        }
        citizens.refresh();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void theTopKFromTheIndexIsTheExhaustiveRankingWhereTheRankingStopsEarly() {
        int stoppedEarly = 0;
        int compared = 0;
        for (Posting p : written.subList(0, 80)) {
            List<Long> eligible = MatchingProbe.candidatesExhaustively(matching, p, citizens.allFacts(),
                    Integer.MAX_VALUE);
            for (int k : new int[]{1, 20}) {
                int[] effort = new int[3];
                assertEquals(eligible.subList(0, Math.min(k, eligible.size())),
                        MatchingProbe.candidatesFromIndex(matching, p, k, effort), "posting " + p.id() + ", top " + k);
                if (effort[1] < eligible.size()) {
                    stoppedEarly++;
                }
                compared++;
            }
        }
        assertTrue(stoppedEarly > compared / 3, "rankings that scored fewer than all eligible citizens: "
                + stoppedEarly + " of " + compared);
    }
}
