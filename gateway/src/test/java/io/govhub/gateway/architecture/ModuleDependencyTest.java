package io.govhub.gateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rule of ARCHITECTURE.md, over all four modules' classes: gateway → {connectors, service-guide} →
 * hub-core; connectors and service-guide do not know each other; nothing points back; one composition root.
 */
class ModuleDependencyTest {

    private static final JavaClasses ALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.govhub");

    @Test
    void dependencies_point_one_way() {
        noClasses().that().resideInAPackage("io.govhub.core..")
                .should().dependOnClassesThat().resideInAnyPackage("io.govhub.connectors..", "io.govhub.guide..",
                        "io.govhub.gateway..").check(ALL);
        noClasses().that().resideInAPackage("io.govhub.connectors..")
                .should().dependOnClassesThat().resideInAnyPackage("io.govhub.guide..", "io.govhub.gateway..")
                .check(ALL);
        noClasses().that().resideInAPackage("io.govhub.guide..")
                .should().dependOnClassesThat().resideInAnyPackage("io.govhub.connectors..", "io.govhub.gateway..")
                .allowEmptyShould(true).check(ALL);
    }

    @Test
    void modules_are_free_of_cycles() {
        slices().matching("io.govhub.(*)..").should().beFreeOfCycles().check(ALL);
    }

    @Test
    void only_the_gateway_is_a_spring_boot_application() {
        classes().that().areAnnotatedWith(SpringBootApplication.class)
                .should().resideInAPackage("io.govhub.gateway").check(ALL);
    }

    @Test
    void the_classes_of_every_module_were_imported() {
        // guards the rules above against passing on an empty import
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("io.govhub.core.identity")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("io.govhub.connectors.redis")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ALL.containPackage("io.govhub.gateway.api")).isTrue();
    }
}
