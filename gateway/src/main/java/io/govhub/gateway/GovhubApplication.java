package io.govhub.gateway;

import io.govhub.connectors.ConnectorsConfiguration;
import io.govhub.core.config.CoreConfiguration;
import io.govhub.gateway.config.GovhubProperties;
import io.govhub.guide.GuideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/** govhub: the one composition root. */
@SpringBootApplication
@EnableConfigurationProperties(GovhubProperties.class)
@org.springframework.scheduling.annotation.EnableScheduling
@Import({CoreConfiguration.class, ConnectorsConfiguration.class, GuideConfiguration.class})
public class GovhubApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovhubApplication.class, args);
    }
}
