package com.readingroom;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;

/** The rules of STYLE.md that module verification alone does not cover. */
class ArchitectureTests {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.readingroom");
    }

    @Test
    void jgitIsUsedOnlyInsideSourceInternals() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("com.readingroom.source.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.eclipse.jgit..")
                .because("the source module's SourceReader is the only way to git content");
        rule.check(classes);
    }

    @Test
    void luceneIsUsedOnlyInsideSearchInternals() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("com.readingroom.search.internal..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.apache.lucene..")
                .because("one owner of the index applies the grant inside every query");
        rule.check(classes);
    }

    @Test
    void onlyTheSearchIndexReadsTheIndexFeed() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackages("com.readingroom.search.internal..", "com.readingroom.source..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(com.readingroom.source.IndexFeed.class)
                .because("the feed reads content with no decision and no record: only the index, whose searches"
                        + " decide and record inside their own choke point, may use it");
        rule.check(classes);
    }

    @Test
    void theUserInterfaceNeverTouchesPersistence() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("com.readingroom.ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.persistence..", "org.springframework.data..", "org.hibernate..", "java.sql..")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .because("views go through module services, which enforce access");
        rule.check(classes);
    }

    @Test
    void springDataRepositoriesStayInsideTheirModulesInternals() {
        ArchRule rule = classes()
                .that()
                .areAssignableTo(org.springframework.data.repository.Repository.class)
                .should()
                .resideInAPackage("com.readingroom.*.internal..")
                .andShould()
                .notBePublic();
        rule.check(classes);
    }

    @Test
    void everyRouteCarriesAnAccessAnnotation() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(Route.class)
                .should()
                .beAnnotatedWith(RolesAllowed.class)
                .orShould()
                .beAnnotatedWith(PermitAll.class)
                .orShould()
                .beAnnotatedWith(AnonymousAllowed.class)
                .orShould()
                .beAnnotatedWith(DenyAll.class)
                .because("views are deny-by-default, and an unannotated view would be silently unreachable or open");
        rule.check(classes);
    }

    @Test
    void onlyTheLoginViewIsOpenToAnonymousVisitors() {
        ArchRule rule = classes()
                .that()
                .areAnnotatedWith(AnonymousAllowed.class)
                .should()
                .haveSimpleName("LoginView");
        rule.check(classes);
    }

    /**
     * The ledger has no code path that changes or removes what it stored: only the two classes that append (events
     * and nodes; checkpoints) and the one that records verifications write through JDBC, and each of them only
     * inserts (the database triggers refuse anything else regardless).
     */
    @Test
    void onlyTheLedgersAppendersWriteToTheDatabaseInTheAuditModule() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage("com.readingroom.audit..")
                .and()
                .doNotHaveSimpleName("JdbcLedger")
                .and()
                .doNotHaveSimpleName("Checkpointer")
                .and()
                .doNotHaveSimpleName("LedgerWatch")
                .and()
                .doNotHaveSimpleName("LedgerHalt")
                .and()
                .doNotHaveSimpleName("StreamCursor") // its own table beside the ledger, never the ledger's
                .should()
                .callMethodWhere(target(owner(assignableTo(JdbcOperations.class)))
                        .and(target(nameMatching("update|batchUpdate|execute"))))
                .orShould()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.persistence..", "org.springframework.data..")
                .because("the audit ledger is append-only: nothing in code may update or delete it");
        rule.check(classes);
    }

    @Test
    void theApplicationNeverWritesToStandardOutput() {
        ArchRule rule = noClasses()
                .that()
                .doNotHaveFullyQualifiedName("com.readingroom.audit.BundleVerifier")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("logs go through SLF4J, where they can be kept free of source content (the offline verifier,"
                        + " a command-line tool, is the one exception)");
        rule.check(classes);
    }
}
