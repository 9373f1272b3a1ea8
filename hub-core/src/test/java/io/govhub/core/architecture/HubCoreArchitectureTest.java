package io.govhub.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * hub-core's domain and use cases depend on no framework (as ddd-by-examples/library's NoSpringInDomainLogicTest):
 * only the {@code ..persistence..} adapters and {@code ..config..} may use Spring, and nothing in hub-core knows
 * the other modules, Camel, CXF, Jedis, the servlet API or Spring Web.
 */
class HubCoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.govhub.core");

    @Test
    void domain_uses_no_framework() {
        noClasses().that().resideInAPackage("io.govhub.core..")
                .and().resideOutsideOfPackages("..persistence..", "io.govhub.core.config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.camel..", "org.apache.cxf..", "redis.clients..",
                        "jakarta.servlet..", "javax.servlet..", "jakarta.persistence..", "org.flywaydb..",
                        "java.sql..", "javax.sql..")
                .check(CORE);
    }

    @Test
    void nothing_in_core_uses_transport_frameworks() {
        noClasses().that().resideInAPackage("io.govhub.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.apache.camel..", "org.apache.cxf..", "redis.clients..", "jakarta.servlet..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(CORE);
    }

    @Test
    void core_knows_no_other_module() {
        noClasses().that().resideInAPackage("io.govhub.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.govhub.connectors..", "io.govhub.guide..", "io.govhub.gateway..")
                .check(CORE);
    }
}
