package io.govhub.guide;

import io.govhub.core.audit.AuditPort;
import io.govhub.core.catalog.CatalogEvents;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.shared.SharedCache;
import io.govhub.core.shared.Transactions;
import io.govhub.guide.imports.GuideImportService;
import io.govhub.guide.imports.ImportJobRepository;
import io.govhub.guide.lifecycle.GuideRepository;
import io.govhub.guide.persistence.JdbcImportJobRepository;
import io.govhub.guide.lifecycle.GuideService;
import io.govhub.guide.persistence.JdbcGuideRepository;
import io.govhub.guide.rdf.CpsvApExporter;
import io.govhub.guide.validation.GuideValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/** The catalog's beans, imported by the gateway. */
@Configuration(proxyBeanMethods = false)
public class GuideConfiguration {

    @Bean
    public GuideRepository guideRepository(JdbcTemplate jdbc) {
        return new JdbcGuideRepository(jdbc);
    }

    @Bean
    public GuideValidator guideValidator(@Value("${govhub.guide.basic-code-min-length:6}") int min,
                                         @Value("${govhub.guide.basic-code-max-length:12}") int max) {
        return new GuideValidator(min, max);
    }

    @Bean
    public GuideService guideService(GuideRepository repo, GuideValidator validator, DivisionDirectory divisions,
                                     CatalogEvents events, AuditPort audit, Transactions tx, Clock clock,
                                     org.springframework.beans.factory.ObjectProvider<SharedCache> cache) {
        return new GuideService(repo, validator, divisions, events, audit, tx, clock,
                cache.getIfAvailable(() -> SharedCache.NONE));
    }

    /**
     * What case handling may know of an item: its name and promised time limit, when a guide is published. Every
     * case submission asks; the answer (also "no published guide") is remembered for a second on each node, so a
     * publication reaches new cases within a second.
     */
    @Bean
    public io.govhub.core.caseflow.ItemCatalog itemCatalog(GuideRepository repo) {
        io.govhub.core.shared.Remembered<String, java.util.Optional<io.govhub.core.caseflow.ItemCatalog.Item>> items =
                new io.govhub.core.shared.Remembered<>(java.time.Duration.ofSeconds(1), 10_000);
        return code -> items.get(code, c -> repo.publicGuide(c).map(g -> {
            var limit = g.content().promisedLimit();
            Integer days = limit != null && "WORKING_DAY".equals(limit.unit()) ? limit.value() : null;
            return new io.govhub.core.caseflow.ItemCatalog.Item(g.content().name(), days);
        }));
    }

    @Bean
    public ImportJobRepository importJobRepository(JdbcTemplate jdbc) {
        return new JdbcImportJobRepository(jdbc);
    }

    /**
     * Imports run here, in the background; two at a time per node, the others wait in the queue.
     */
    @Bean(destroyMethod = "shutdown")
    public java.util.concurrent.ExecutorService guideImportExecutor() {
        return java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "guide-import");
            t.setDaemon(true);
            return t;
        });
    }

    @Bean
    public GuideImportService guideImportService(GuideService guides, ImportJobRepository jobs,
                                                 java.util.concurrent.ExecutorService guideImportExecutor) {
        return new GuideImportService(guides, jobs, guideImportExecutor);
    }

    @Bean
    public CpsvApExporter cpsvApExporter(@Value("${govhub.guide.base-uri:https://govhub.linyi.example/id/}") String baseUri) {
        return new CpsvApExporter(baseUri);
    }
}
