package dk.jobbro.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Architecture rules as tests (STYLE.md 2, 3, 14, 15).
 *
 * <p><b>The domain</b> is plain Java over records: the hard rules, eligibility, the scorer, the criteria and facts
 * it reads and the explanation it writes ({@code matching}); the flag rules and their evaluation
 * ({@code flagging}); and the vocabulary they are written in (kinds, statuses, target groups, levels, demands,
 * support, coordinates, taxonomy records). It imports neither Micronaut, JDBC, Micronaut Data, jakarta
 * injection or transactions, nor Lucene. A new class in {@code matching} or {@code flagging} is domain unless
 * it is listed as an edge below: listing it is a decision a reviewer sees. The edges are the services,
 * controllers, repositories and rows, the request and view records (validation and JSON binding), the
 * configuration bindings ({@code ScoringWeights}, {@code RatioRule}, {@code EligibilityPolicy}, read by the
 * domain as plain records), and the JSON imports that let domain records travel without importing the framework.
 *
 * <p><b>Layering</b>: no cycles between top-level packages; the foundations ({@code web}, {@code csv},
 * {@code vocabulary}, {@code db}) depend on no capability; the index ({@code search}) is reached only through
 * {@code matching.PostingCandidates}, except by start-up and health.
 */
class ArchitectureTest {

    static final JavaClasses JOBBRO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.jobbro");

    /** Classes in {@code matching} and {@code flagging} that are edges, not domain. */
    static final Map<String, Set<String>> EDGES = Map.of(
            "dk.jobbro.matching", Set.of("MatchController", "MatchingService", "EmployerCapacity",
                    "CitizenMatchProfile", "EligibilityPolicy", "RatioRule", "ScoringWeights", "MatchJson"),
            "dk.jobbro.flagging", Set.of("FlagController", "FlagService", "CircumstanceService",
                    "CircumstanceRepository", "CircumstanceRow", "FlagEvaluationRepository", "FlagEvaluationRow",
                    "FlagEvaluationBatch", "FlagReviewRepository", "FlagReviewRow", "FlagRulesetRepository",
                    "FlagRulesetRow", "FlagRulesetFactory", "FlagJson", "CircumstancesRequest", "CircumstancesView",
                    "CircumstanceEntry", "FlagView", "FlagReview", "ParallelEffort"));

    /** The vocabulary the domain is written in, outside {@code matching} and {@code flagging}. */
    static final Set<String> VOCABULARY = Set.of(
            "dk.jobbro.vocabulary.LanguageLevel", "dk.jobbro.vocabulary.PhysicalDemand",
            "dk.jobbro.vocabulary.SupportKind", "dk.jobbro.geo.GeoPoint", "dk.jobbro.posting.PostingKind",
            "dk.jobbro.posting.PostingStatus", "dk.jobbro.citizen.TargetGroup", "dk.jobbro.citizen.HealthLimitation",
            "dk.jobbro.citizen.SkillLevel", "dk.jobbro.taxonomy.Occupation", "dk.jobbro.taxonomy.Skill",
            "dk.jobbro.taxonomy.IscoGroup", "dk.jobbro.taxonomy.SkillRelation");

    static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("the domain", c -> {
        if (generated(c)) {
            return false;
        }
        String outer = c.getName().replaceFirst("\\$.*", "");
        if (VOCABULARY.contains(outer)) {
            return true;
        }
        Set<String> edges = EDGES.get(c.getPackageName());
        return edges != null && !edges.contains(outer.substring(outer.lastIndexOf('.') + 1));
    });

    /** Micronaut's compile-time classes ({@code $MatchingService$Definition}, {@code $..$Introspection}). */
    static boolean generated(JavaClass c) {
        return c.getName().substring(c.getPackageName().length() + 1).startsWith("$");
    }

    @Test
    void theDomainImportsNeitherTheFrameworkNorJdbcNorLucene() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage("io.micronaut..", "jakarta.inject..",
                        "jakarta.transaction..", "java.sql..", "javax.sql..", "org.apache.lucene..")
                .because("rules, scoring and flags are plain Java, testable without a context, a database or an index")
                .check(JOBBRO);
    }

    @Test
    void theDomainDefinitionCoversTheRulesTheScorerAndTheFlagEvaluation() {
        for (String name : Set.of("dk.jobbro.matching.HardRule", "dk.jobbro.matching.Eligibility",
                "dk.jobbro.matching.MatchScorer", "dk.jobbro.matching.MatchCriteria", "dk.jobbro.matching.PostingFacts",
                "dk.jobbro.matching.MatchExplanation", "dk.jobbro.matching.Exclusion",
                "dk.jobbro.flagging.FlagEvaluator", "dk.jobbro.flagging.FlagRuleset", "dk.jobbro.vocabulary.SupportKind")) {
            assertTrue(DOMAIN.test(JOBBRO.get(name)), name + " is domain");
        }
        for (String name : Set.of("dk.jobbro.matching.MatchingService", "dk.jobbro.flagging.FlagService")) {
            assertTrue(!DOMAIN.test(JOBBRO.get(name)), name + " is an edge");
        }
    }

    @Test
    void theDomainReachesNoServiceRepositoryOrController() {
        noClasses().that(DOMAIN)
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Service")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .orShould().dependOnClassesThat().areAnnotatedWith(Controller.class)
                .check(JOBBRO);
    }

    @Test
    void controllersReachRecordsOnlyThroughServicesAndTheAccessLayer() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(JdbcRepository.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().haveSimpleName("OwnerLookup")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .because("who may see a record is decided where it is loaded, in the services, through Access")
                .check(JOBBRO);
    }

    @Test
    void onlyTheSearchPackageImportsLucene() {
        noClasses().that().resideOutsideOfPackage("dk.jobbro.search..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(JOBBRO);
    }

    @Test
    void theIndexIsReachedOnlyThroughPostingCandidatesExceptByStartUpAndHealth() {
        classes().that().resideInAPackage("dk.jobbro.search..").and().arePublic()
                .and().haveNameNotMatching("dk\\.jobbro\\.search\\.PostingSearch(\\$.*)?")
                .should().onlyBeAccessed().byClassesThat().resideInAnyPackage("dk.jobbro", "dk.jobbro.search..",
                        "dk.jobbro.ops..")
                .because("matching asks matching.PostingCandidates; the index is derived and can be rebuilt (the"
                        + " consultants' free-text search, PostingSearch, is a query API the pages call too)")
                .allowEmptyShould(true)
                .check(JOBBRO);
    }

    @Test
    void nothingButTheAccessLayerWritesTheAuditTrail() {
        noClasses().that().resideOutsideOfPackage("dk.jobbro.security..")
                .should().dependOnClassesThat().haveSimpleName("AuditLog")
                .orShould().dependOnClassesThat().haveSimpleName("AuditRepository")
                .because("an access is audited where it is decided (Access), however it was asked for")
                .check(JOBBRO);
    }

    @Test
    void theTopLevelPackagesHaveNoCycles() {
        slices().matching("dk.jobbro.(*)..").should().beFreeOfCycles().check(JOBBRO);
    }

    @Test
    void theFoundationsDependOnNoCapability() {
        for (String foundation : Set.of("web", "csv", "vocabulary", "db")) {
            noClasses().that().resideInAPackage("dk.jobbro." + foundation + "..")
                    .should().dependOnClassesThat(DescribedPredicate.describe("another Jobbro package",
                            (JavaClass c) -> c.getPackageName().startsWith("dk.jobbro")
                                    && !c.getPackageName().startsWith("dk.jobbro." + foundation)))
                    .check(JOBBRO);
        }
    }
}
