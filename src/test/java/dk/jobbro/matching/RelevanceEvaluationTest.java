package dk.jobbro.matching;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the ranking against regressions on the labelled relevance set. Floors, not the measured numbers
 * (nDCG@10 0.983 on relevance-set v2 with scoring-2026.11-v1): a change that falls below them is a regression
 * to explain before merging; record the new numbers in docs/measurements.md either way.
 */
class RelevanceEvaluationTest {

    static ApplicationContext context;
    static RelevanceEvaluation evaluation;

    @BeforeAll
    static void loadTheSet() {
        // The set is written against the full seed taxonomy, not the small test fixture surefire points at.
        context = ApplicationContext.builder().properties(RelevanceEvaluation.CONTEXT_PROPERTIES).start();
        evaluation = new RelevanceEvaluation(context);
    }

    @AfterAll
    static void close() {
        context.close();
    }

    @Test
    void theCurrentWeightsRankWhatAConsultantWouldProposeNearTheTop() {
        RelevanceEvaluation.Run run = evaluation.current();
        assertTrue(run.ndcg() >= 0.90, "nDCG@10 " + run.ndcg() + " fell below 0.90");
        assertTrue(run.recall() >= 0.95, "recall@10 " + run.recall() + " fell below 0.95");
    }

    @Test
    void everyCitizensFirstMatchIsOneAConsultantJudgedRelevant() {
        List<String> wrongFirst = evaluation.current().citizens().stream().filter(c -> !c.topIsRelevant())
                .map(c -> c.ref() + " got " + (c.ranked().isEmpty() ? "nothing" : c.ranked().get(0))).toList();
        assertEquals(List.of(), wrongFirst);
    }

    @Test
    void nDcgRewardsGradedOrderAndRecallCountsEveryJudgedPosting() {
        var judged = java.util.Map.of("a", 3, "b", 1);
        assertEquals(1.0, RelevanceEvaluation.ndcg(List.of("a", "b"), judged), 1e-9);
        assertTrue(RelevanceEvaluation.ndcg(List.of("b", "a"), judged) < 1.0);
        assertEquals(0.5, RelevanceEvaluation.recall(List.of("x", "a"), judged), 1e-9);
    }
}
