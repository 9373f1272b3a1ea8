package io.govhub.gateway.config;

import io.govhub.core.credit.CreditIntakeService;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The credit intake's figures on {@code /actuator/prometheus}: how many valid records were looked up in the decisions'
 * idempotency keys (决定幂等键) and how many of them were duplicates acknowledged from there without the database.
 */
@Configuration(proxyBeanMethods = false)
public class CreditMetricsConfiguration {

    @Bean
    public MeterBinder creditDecisionKeyMetrics(CreditIntakeService intake) {
        return registry -> {
            FunctionCounter.builder("govhub.credit.decision.keys.lookups", intake, i -> i.decisionKeyCounts()[0])
                    .description("valid credit records looked up in the decisions' idempotency keys (Redis)")
                    .register(registry);
            FunctionCounter.builder("govhub.credit.decision.keys.hits", intake, i -> i.decisionKeyCounts()[1])
                    .description("credit records acknowledged as duplicates from the idempotency keys, without the database")
                    .register(registry);
        };
    }
}
