package dk.jobbro.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Architecture rules as tests (STYLE.md 14, 15). */
class ArchitectureTest {

    static final JavaClasses JOBBRO = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dk.jobbro");

    @Test
    void controllersReachRecordsOnlyThroughServicesAndTheAccessLayer() {
        noClasses().that().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(JdbcRepository.class)
                .orShould().dependOnClassesThat().areAssignableTo(DataSource.class)
                .orShould().dependOnClassesThat().haveSimpleName("OwnerLookup")
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
    void nothingButTheAccessLayerWritesTheAuditTrail() {
        noClasses().that().resideOutsideOfPackage("dk.jobbro.security..")
                .should().dependOnClassesThat().haveSimpleName("AuditLog")
                .orShould().dependOnClassesThat().haveSimpleName("AuditRepository")
                .because("an access is audited where it is decided (Access), however it was asked for")
                .check(JOBBRO);
    }
}
