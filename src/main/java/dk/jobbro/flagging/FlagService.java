package dk.jobbro.flagging;

import dk.jobbro.citizen.CitizenRepository;
import dk.jobbro.citizen.CitizenService;
import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.security.Access;
import dk.jobbro.web.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates, stores and reviews flags for parallel interventions. Evaluation itself is {@link FlagEvaluator}
 * (plain Java); this class adds the edges: reading circumstances, storing every evaluation with its inputs and
 * rule-set version, consultants' reviews, the work list.
 *
 * <p>Nothing here logs: circumstances are special-category data and a flag reveals them.
 */
@Singleton
public class FlagService {

    private static final int HISTORY_LIMIT = 100;
    private static final int NIGHTLY_PAGE = 1000;

    private final FlagRuleset ruleset;
    private final CircumstanceRepository circumstances;
    private final FlagEvaluationRepository evaluations;
    private final FlagReviewRepository reviews;
    private final FlagRulesetRepository rulesets;
    private final CitizenService citizens;
    private final CitizenRepository citizenRepository;
    private final Access access;
    private final Clock clock;
    private final NewMatchCounts newMatches;
    private final FlagEvaluationBatch batch;
    private volatile boolean rulesetRecorded;

    FlagService(FlagRuleset ruleset, CircumstanceRepository circumstances, FlagEvaluationRepository evaluations,
                FlagReviewRepository reviews, FlagRulesetRepository rulesets, CitizenService citizens,
                CitizenRepository citizenRepository, Access access, Clock clock, NewMatchCounts newMatches,
                FlagEvaluationBatch batch) {
        this.newMatches = newMatches;
        this.batch = batch;
        this.ruleset = ruleset;
        this.circumstances = circumstances;
        this.evaluations = evaluations;
        this.reviews = reviews;
        this.rulesets = rulesets;
        this.citizens = citizens;
        this.citizenRepository = citizenRepository;
        this.access = access;
        this.clock = clock;
    }

    /** The flags of a citizen: where the current one stands, the evaluations (newest first) and the reviews. */
    @Serdeable
    public record Flags(long citizenId, ParallelEffort current, @Nullable FlagView currentEvaluation,
                        List<FlagView> history, List<FlagReview> reviews) {
    }

    /** One citizen in a consultant's work list, with the flag summary. */
    @Serdeable
    public record WorklistEntry(long citizenId, String name, TargetGroup targetGroup, ParallelEffort flag,
                                int newMatches) {
    }

    @Serdeable
    public record Worklist(String jobcentre, String rulesetVersion, List<WorklistEntry> citizens) {
    }

    /** A stored evaluation re-run on its recorded inputs with its recorded rule set. */
    @Serdeable
    public record Reproduction(long evaluationId, String rulesetVersion, List<CircumstanceEntry> inputs,
                               ParallelInterventionFlag stored, ParallelInterventionFlag recomputed,
                               boolean identical) {
    }

    /**
     * Records the configured rule set under its version, or checks that the recorded one is the same. Called at
     * start-up: changed rules under an old version would make past decisions unreproducible.
     */
    public void recordRuleset() {
        if (rulesetRecorded) {
            return;
        }
        synchronized (this) {
            Optional<FlagRulesetRow> recorded = rulesets.findById(ruleset.version());
            if (recorded.isEmpty()) {
                rulesets.save(new FlagRulesetRow(ruleset.version(), ruleset, clock.instant()));
            } else if (!recorded.get().rules().equals(ruleset)) {
                throw new IllegalStateException(FlagRulesetFactory.SOURCE + ": version '" + ruleset.version()
                        + "' is already recorded with different rules; bump the version when rules change");
            }
            rulesetRecorded = true;
        }
    }

    /** Evaluates one citizen's current circumstances and stores the evaluation. */
    @Transactional
    ParallelInterventionFlag evaluate(long citizenId, FlagEvaluationRow.Trigger trigger) {
        recordRuleset();
        List<Circumstance> inputs = FlagEvaluator.canonical(circumstances.findByCitizenId(citizenId).stream()
                .map(CircumstanceRow::circumstance).toList());
        ParallelInterventionFlag flag = FlagEvaluator.evaluate(ruleset, inputs);
        evaluations.save(new FlagEvaluationRow(null, citizenId, clock.instant(), trigger, ruleset.version(), inputs,
                flag, flag.flagged(), flag.urgency()));
        return flag;
    }

    /**
     * Re-evaluates every active citizen under the current rule set; for the nightly run, so a changed rule set
     * reaches everyone by the next morning. Each evaluation is stored. Returns how many citizens were evaluated.
     */
    public int reevaluateAll() {
        return reevaluateAll(1);
    }

    /**
     * {@link #reevaluateAll()} with pages of citizens evaluated on {@code threads} threads, each page in its own
     * transaction as before: the nightly run's prepare evaluated 300,000 flags on one thread while the other core
     * waited (32 s, docs/measurements.md). Only the active citizens' ids are read up front, not their profiles.
     */
    public int reevaluateAll(int threads) {
        recordRuleset();
        List<Long> ids = citizenRepository.findIdByActiveTrueOrderById();
        List<List<Long>> pages = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += NIGHTLY_PAGE) {
            pages.add(ids.subList(from, Math.min(ids.size(), from + NIGHTLY_PAGE)));
        }
        if (threads <= 1 || pages.size() <= 1) {
            int evaluated = 0;
            for (List<Long> page : pages) {
                evaluated += reevaluate(page);
            }
            return evaluated;
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Integer>> done = new ArrayList<>(pages.size());
            for (List<Long> page : pages) {
                done.add(pool.submit(() -> reevaluate(page)));
            }
            int evaluated = 0;
            for (Future<Integer> f : done) {
                evaluated += f.get();
            }
            return evaluated;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Flag evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** A page of citizens: their circumstances in one query, their evaluations in multi-row inserts, one transaction. */
    @Transactional
    int reevaluate(List<Long> citizenIds) {
        Map<Long, List<Circumstance>> byCitizen = new HashMap<>();
        for (CircumstanceRow row : circumstances.findByCitizenIdIn(citizenIds)) {
            byCitizen.computeIfAbsent(row.citizenId(), k -> new ArrayList<>()).add(row.circumstance());
        }
        Instant now = clock.instant();
        List<FlagEvaluationRow> rows = new ArrayList<>(citizenIds.size());
        for (long id : citizenIds) {
            List<Circumstance> inputs = FlagEvaluator.canonical(byCitizen.getOrDefault(id, List.of()));
            ParallelInterventionFlag flag = FlagEvaluator.evaluate(ruleset, inputs);
            rows.add(new FlagEvaluationRow(null, id, now, FlagEvaluationRow.Trigger.NIGHTLY, ruleset.version(), inputs,
                    flag, flag.flagged(), flag.urgency()));
        }
        batch.insertAll(rows);
        return rows.size();
    }

    public Flags flags(long citizenId) {
        citizens.read(citizenId);
        return flagsOf(citizenId);
    }

    /** The flags of a citizen the caller has loaded through the access layer already. */
    private Flags flagsOf(long citizenId) {
        List<FlagEvaluationRow> history = evaluations.findByCitizenIdOrderByIdDesc(citizenId,
                Pageable.from(0, HISTORY_LIMIT));
        List<FlagReviewRow> reviewed = reviews.findByCitizenIdOrderByIdDesc(citizenId);
        Optional<FlagEvaluationRow> latest = history.stream().findFirst();
        return new Flags(citizenId, effort(latest, reviewed.stream().findFirst()),
                latest.map(FlagView::of).orElse(null), history.stream().map(FlagView::of).toList(),
                reviewed.stream().map(FlagReview::of).toList());
    }

    /** The parallel effort a citizen needs, as matching shows it. Never changes which postings are matched. */
    public ParallelEffort parallelEffort(long citizenId) {
        return effort(evaluations.findFirstByCitizenIdOrderByIdDesc(citizenId),
                reviews.findFirstByCitizenIdOrderByIdDesc(citizenId));
    }

    /** The consultant {@code by} (the token's subject, never typed) has seen the flag. */
    @Transactional
    public Flags acknowledge(long citizenId, String by) {
        return review(citizenId, FlagReviewRow.Action.ACKNOWLEDGED, null, by);
    }

    /** The consultant {@code by} (the token's subject, never typed) sets the flag aside, saying why. */
    @Transactional
    public Flags override(long citizenId, String reason, String by) {
        return review(citizenId, FlagReviewRow.Action.OVERRIDDEN, reason.strip(), by);
    }

    private Flags review(long citizenId, FlagReviewRow.Action action, @Nullable String reason, String by) {
        citizens.forChange(citizenId);
        FlagEvaluationRow current = evaluations.findFirstByCitizenIdOrderByIdDesc(citizenId)
                .filter(FlagEvaluationRow::flagged)
                .orElseThrow(() -> ApiException.conflict("Citizen " + citizenId + " has no flag to review"));
        reviews.save(new FlagReviewRow(null, citizenId, current.id(), action, current.result().reasonCodes(), reason,
                by, clock.instant()));
        return flagsOf(citizenId);
    }

    /**
     * A jobcentre's active citizens: those needing a parallel effort first, most urgent first, then those with the
     * most new matches in the latest nightly run, then the rest; ties by citizen id so every consultant sees the
     * same order.
     */
    public Worklist worklist(String jobcentreAsGiven, int limit) {
        String jobcentre = access.visibleJobcentre("jobcentre", jobcentreAsGiven);
        Map<Long, FlagEvaluationRow> latest = evaluations.findLatestForJobcentre(jobcentre).stream()
                .collect(Collectors.toMap(FlagEvaluationRow::citizenId, Function.identity()));
        Map<Long, FlagReviewRow> reviewed = reviews.findLatestForJobcentre(jobcentre).stream()
                .collect(Collectors.toMap(FlagReviewRow::citizenId, Function.identity()));
        Comparator<WorklistEntry> order = Comparator
                .comparing((WorklistEntry e) -> !e.flag().needed())
                .thenComparing(e -> e.flag().needed() ? e.flag().urgency().ordinal() : 0)
                .thenComparing(WorklistEntry::newMatches, Comparator.reverseOrder())
                .thenComparingLong(WorklistEntry::citizenId);
        Map<Long, Integer> fresh = newMatches.byCitizen(jobcentre);
        List<WorklistEntry> entries = citizenRepository.findByJobcentreAndActiveTrue(jobcentre).stream()
                .map(c -> new WorklistEntry(c.id(), c.name(), c.targetGroup(),
                        effort(Optional.ofNullable(latest.get(c.id())), Optional.ofNullable(reviewed.get(c.id()))),
                        fresh.getOrDefault(c.id(), 0)))
                .sorted(order).limit(limit).toList();
        access.citizensListed(entries.stream().map(WorklistEntry::citizenId).toList());
        return new Worklist(jobcentre, ruleset.version(), entries);
    }

    public Reproduction reproduce(long citizenId, long evaluationId) {
        citizens.read(citizenId);
        FlagEvaluationRow stored = evaluations.findById(evaluationId).filter(e -> e.citizenId() == citizenId)
                .orElseThrow(() -> ApiException.notFound("Flag evaluation", evaluationId));
        FlagRuleset used = rulesets.findById(stored.rulesetVersion()).map(FlagRulesetRow::rules)
                .orElseThrow(() -> ApiException.conflict("Rule set " + stored.rulesetVersion() + " is not recorded"));
        ParallelInterventionFlag recomputed = FlagEvaluator.evaluate(used, stored.inputs());
        return new Reproduction(evaluationId, stored.rulesetVersion(),
                stored.inputs().stream().map(CircumstanceEntry::of).toList(), stored.result(), recomputed,
                recomputed.equals(stored.result()));
    }

    static ParallelEffort effort(Optional<FlagEvaluationRow> latest, Optional<FlagReviewRow> review) {
        if (latest.isEmpty()) {
            return ParallelEffort.none(null);
        }
        ParallelInterventionFlag flag = latest.get().result();
        if (!flag.flagged()) {
            return ParallelEffort.none(flag.rulesetVersion());
        }
        Optional<FlagReviewRow> applying = review.filter(r -> r.appliesTo(flag));
        FlagStatus status = applying.map(r -> r.action() == FlagReviewRow.Action.OVERRIDDEN
                ? FlagStatus.OVERRIDDEN : FlagStatus.ACKNOWLEDGED).orElse(FlagStatus.OPEN);
        return new ParallelEffort(status != FlagStatus.OVERRIDDEN, status, flag.urgency(), flag.reasons(),
                flag.interventions(), applying.map(FlagReview::of).orElse(null), flag.rulesetVersion());
    }
}
