package com.example.projects;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules a product built on Portico keeps, in the shape of Portico's own ModuleBoundariesTest:
 * the product imports Portico's {@code api} packages only, and Portico knows nothing of the product.
 */
class ProductBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.example.projects", "dev.portico");
    }

    @Test
    void theProductSeesOnlyPorticosApiPackages() {
        noClasses().that().resideInAPackage("com.example.projects..")
                .should().dependOnClassesThat(resideInAPackage("dev.portico..").and(not(resideInAPackage("dev.portico.*.api.."))))
                .allowEmptyShould(false).check(classes);
    }

    @Test
    void porticoDependsOnNothingOfTheProduct() {
        noClasses().that().resideInAPackage("dev.portico..")
                .should().dependOnClassesThat().resideInAPackage("com.example..")
                .allowEmptyShould(false).check(classes);
    }
}
