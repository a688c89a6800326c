package dk.jobbro.search;

import dk.jobbro.citizen.HealthLimitation;
import dk.jobbro.citizen.TargetGroup;
import dk.jobbro.geo.GeoPoint;
import dk.jobbro.matching.CitizenFixture;
import dk.jobbro.matching.Eligibility;
import dk.jobbro.matching.HardRule;
import dk.jobbro.matching.MatchCriteria;
import dk.jobbro.matching.PostingFacts;
import dk.jobbro.matching.PostingFixture;
import dk.jobbro.posting.Posting;
import dk.jobbro.posting.PostingKind;
import dk.jobbro.posting.PostingStatus;
import dk.jobbro.taxonomy.EmptyTaxonomy;
import dk.jobbro.taxonomy.Taxonomy;
import dk.jobbro.vocabulary.LanguageLevel;
import dk.jobbro.vocabulary.LanguageSkill;
import dk.jobbro.vocabulary.PhysicalDemand;
import dk.jobbro.vocabulary.SupportKind;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static dk.jobbro.matching.CitizenFixture.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each hard rule's Lucene filter excludes exactly the postings its plain-Java check excludes, on a generated world
 * indexed in memory by the production document mapping: no context, no database, well under a second. Boundary
 * values come up often by construction (hours equal to the maximum, deadline today, language level exactly met).
 */
class PostingRuleFiltersTest {

    static final int POSTINGS = 400;
    static final int CITIZENS = 100;
    static final LanguageLevel[] LEVELS = LanguageLevel.values();

    static Directory directory;
    static DirectoryReader reader;
    static IndexSearcher searcher;
    static final List<PostingFacts> FACTS = new ArrayList<>();
    static final Set<String> LANGUAGE_TERMS = new TreeSet<>();
    static final List<MatchCriteria> CRITERIA = new ArrayList<>();
    static final long[] POSTING_ID_OF_DOC = new long[POSTINGS];

    @BeforeAll
    static void indexAGeneratedWorld() throws IOException {
        Random random = new Random(20261201);
        Taxonomy taxonomy = EmptyTaxonomy.create();
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
            for (int i = 1; i <= POSTINGS; i++) {
                Posting p = randomPosting(random, i).posting();
                writer.addDocument(PostingDocuments.toDocument(p, "Virksomhed " + p.employerId(), taxonomy));
                FACTS.add(PostingFacts.of(p, "Virksomhed " + p.employerId(), taxonomy));
                for (LanguageSkill l : p.languageRequirements()) {
                    LANGUAGE_TERMS.add(PostingDocuments.languageTerm(l.language(), l.level()));
                }
            }
        }
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        StoredFields stored = searcher.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
            POSTING_ID_OF_DOC[doc] = Long.parseLong(stored.document(doc).get(PostingFields.ID));
        }
        for (int i = 0; i < CITIZENS; i++) {
            CRITERIA.add(randomCitizen(random, i).criteria());
        }
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void eachHardRulesFilterExcludesExactlyThePostingsItsCheckExcludes() throws IOException {
        Map<HardRule, int[]> keptAndBroken = new EnumMap<>(HardRule.class);
        for (HardRule rule : HardRule.values()) {
            int[] counts = keptAndBroken.computeIfAbsent(rule, r -> new int[2]);
            for (int c = 0; c < CRITERIA.size(); c++) {
                MatchCriteria criteria = CRITERIA.get(c);
                BooleanQuery.Builder q = new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.FILTER);
                for (BooleanClause clause : PostingRuleFilters.filter(rule, criteria, LANGUAGE_TERMS)) {
                    q.add(clause);
                }
                Set<Long> expected = new HashSet<>();
                for (PostingFacts p : FACTS) {
                    if (servedTogether(rule).stream().allMatch(r -> r.allows(criteria, p))) {
                        expected.add(p.id());
                    }
                }
                assertEquals(expected, matching(q.build()), rule + " for citizen " + c);
                counts[0] += expected.size();
                counts[1] += FACTS.size() - expected.size();
            }
        }
        keptAndBroken.forEach((rule, counts) -> assertTrue(counts[0] > 0 && counts[1] > 0,
                "the world both keeps and breaks " + rule + ": kept " + counts[0] + ", broken " + counts[1]));
    }

    /** NOT_OPEN and NO_FREE_SLOT share one clause, the MATCHABLE term (OPEN with a free slot): tested together. */
    private static Set<HardRule> servedTogether(HardRule rule) {
        return switch (rule) {
            case NOT_OPEN, NO_FREE_SLOT -> EnumSet.of(HardRule.NOT_OPEN, HardRule.NO_FREE_SLOT);
            default -> EnumSet.of(rule);
        };
    }

    @Test
    void allHardFiltersTogetherMatchExactlyThePostingsWithoutAnExclusion() throws IOException {
        int eligiblePairs = 0;
        for (int c = 0; c < CRITERIA.size(); c++) {
            MatchCriteria criteria = CRITERIA.get(c);
            Set<Long> eligible = new HashSet<>();
            for (PostingFacts p : FACTS) {
                if (Eligibility.check(criteria, p).isEmpty()) {
                    eligible.add(p.id());
                }
            }
            assertEquals(eligible, matching(PostingRuleFilters.hardFilters(criteria, LANGUAGE_TERMS)), "citizen " + c);
            eligiblePairs += eligible.size();
        }
        assertTrue(eligiblePairs > 100, "the world has matches: " + eligiblePairs);
    }

    @Test
    void aTargetGroupThatMayBeOfferedNothingMatchesNothing() throws IOException {
        MatchCriteria nothing = CitizenFixture.anActivityReadyCitizen().mayBeOffered(Set.of()).criteria();
        assertEquals(Set.of(), matching(PostingRuleFilters.hardFilters(nothing, LANGUAGE_TERMS)));
    }

    private static Set<Long> matching(Query q) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (ScoreDoc hit : searcher.search(q, POSTINGS + 1).scoreDocs) {
            ids.add(POSTING_ID_OF_DOC[hit.doc]);
        }
        return ids;
    }

    private static PostingFixture randomPosting(Random random, long id) {
        PostingKind[] kinds = PostingKind.values();
        PostingFixture p = PostingFixture.aPosting(kinds[random.nextInt(kinds.length)]).numbered(id)
                .byEmployer(1 + random.nextInt(6))
                .forOccupation(new String[]{"432110", "432190", "911210", "512010"}[random.nextInt(4)])
                .at(new GeoPoint(55.9 + random.nextDouble() * 0.6, 9.8 + random.nextDouble() * 0.8))
                .hours(5 + random.nextInt(36), 40).requiring("forklift-operation");
        int slots = 1 + random.nextInt(3);
        p.withSlots(slots, random.nextInt(6) == 0 ? slots : random.nextInt(slots));
        if (random.nextInt(8) == 0) {
            p.inStatus(random.nextBoolean() ? PostingStatus.DRAFT : PostingStatus.CLOSED);
        }
        int deadline = random.nextInt(5);
        if (deadline < 3) {
            p.withDeadline(TODAY.plusDays(deadline - 1)); // yesterday, today, tomorrow
        }
        PhysicalDemand[] demands = PhysicalDemand.values();
        for (int i = random.nextInt(3); i > 0; i--) {
            p.demanding(demands[random.nextInt(demands.length)]);
        }
        if (random.nextInt(4) == 0) {
            p.requiringDrivingLicence();
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            p.requiringLanguage(random.nextBoolean() ? "da" : "en", LEVELS[random.nextInt(LEVELS.length)]);
        }
        if (random.nextInt(4) == 0) {
            p.offering(SupportKind.GRADUAL_START);
        }
        if (random.nextInt(4) == 0) {
            p.offering(SupportKind.MENTOR);
        }
        return p;
    }

    private static CitizenFixture randomCitizen(Random random, int i) {
        TargetGroup[] groups = TargetGroup.values();
        CitizenFixture c = CitizenFixture.aCitizenIn(groups[random.nextInt(groups.length)])
                .livingAt(new GeoPoint(56.0 + random.nextDouble() * 0.4, 10.0 + random.nextDouble() * 0.4))
                .commutingAtMost(5 + random.nextInt(40)).workingAtMost(10 + random.nextInt(28))
                .speakingNothingBut("da", LEVELS[random.nextInt(LEVELS.length)]);
        if (i % 10 == 0) {
            c.mayBeOffered(EnumSet.of(PostingKind.ORDINARY_JOB));
        }
        if (random.nextBoolean()) {
            c.speaking("en", LEVELS[random.nextInt(LEVELS.length)]);
        }
        if (random.nextInt(3) == 0) {
            c.withoutDrivingLicence();
        }
        HealthLimitation[] limitations = HealthLimitation.values();
        for (int n = random.nextInt(3); n > 0; n--) {
            c.limitedBy(limitations[random.nextInt(limitations.length)]);
        }
        if (random.nextInt(3) == 0) {
            c.whileEmployerHasNoHeadroom(1 + random.nextInt(6));
        }
        if (random.nextInt(4) == 0) {
            c.notForEmployer(1 + random.nextInt(6), "Tidligere forløb gik dårligt");
        }
        if (random.nextInt(4) == 0) {
            c.notForOccupation("911210", "Ikke rengøring");
        }
        return c;
    }
}
