package io.govhub.guide;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The catalog's model, validation and life cycle are plain Java; Spring lives in persistence and configuration. */
class GuideArchitectureTest {

    private static final JavaClasses GUIDE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.govhub.guide");

    @Test
    void domain_uses_no_framework() {
        noClasses().that().resideInAnyPackage("io.govhub.guide.model..", "io.govhub.guide.validation..",
                        "io.govhub.guide.lifecycle..", "io.govhub.guide.rdf..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..",
                        "jakarta.servlet..", "redis.clients..", "java.sql..")
                .check(GUIDE);
    }

    @Test
    void the_catalog_does_not_know_the_connectors_or_the_gateway() {
        noClasses().that().resideInAPackage("io.govhub.guide..")
                .should().dependOnClassesThat().resideInAnyPackage("io.govhub.connectors..", "io.govhub.gateway..")
                .check(GUIDE);
    }
}
