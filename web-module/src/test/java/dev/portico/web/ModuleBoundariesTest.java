package dev.portico.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Portico's module rules: dependencies point one way (web -> modules, notification -> workspace -> billing),
 * and a module is reached from outside only through its {@code api} (and, from the web layer, its
 * {@code boundary}). Cross-module traffic is CDI events whose types live in {@code billing.api}.
 */
class ModuleBoundariesTest {

    private static JavaClasses portico;

    @BeforeAll
    static void importClasses() {
        portico = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.portico");
    }

    @Test
    void billingDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("dev.portico.billing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.portico.workspace..", "dev.portico.notification..", "dev.portico.web.."));
    }

    @Test
    void workspaceSeesOnlyBillingsApi() {
        check(noClasses().that().resideInAPackage("dev.portico.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.portico.billing.boundary..", "dev.portico.billing.control..", "dev.portico.billing.entity..",
                        "dev.portico.notification..", "dev.portico.web.."));
    }

    @Test
    void notificationSeesOnlyTheOtherModulesApis() {
        check(noClasses().that().resideInAPackage("dev.portico.notification..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.portico.billing.boundary..", "dev.portico.billing.control..", "dev.portico.billing.entity..",
                        "dev.portico.workspace.boundary..", "dev.portico.workspace.control..",
                        "dev.portico.workspace.entity..", "dev.portico.web.."));
    }

    @Test
    void theWebLayerUsesModulesOnlyThroughApiAndBoundary() {
        check(noClasses().that().resideInAPackage("dev.portico.web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.portico.billing.control..", "dev.portico.billing.entity..",
                        "dev.portico.workspace.control..", "dev.portico.workspace.entity..",
                        "dev.portico.notification.control..", "dev.portico.notification.entity.."));
    }

    @Test
    void theBillingApiDependsOnNothingOfPortico() {
        check(noClasses().that().resideInAPackage("dev.portico.billing.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.portico.billing.boundary..", "dev.portico.billing.control..", "dev.portico.billing.entity.."));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(false).check(portico);
    }
}
