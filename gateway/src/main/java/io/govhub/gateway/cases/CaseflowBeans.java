package io.govhub.gateway.cases;

import io.govhub.gateway.config.GovhubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;

/** The demo SIMULATORS, when {@code govhub.demo.simulators} allows them (by default: with the demo accounts). */
@Configuration(proxyBeanMethods = false)
public class CaseflowBeans {

    @Bean(destroyMethod = "close")
    public DemoSimulators demoSimulators(GovhubProperties props) throws IOException {
        return props.simulatorsEnabled() ? new DemoSimulators(props.demo().stepDelay()) : null;
    }
}
