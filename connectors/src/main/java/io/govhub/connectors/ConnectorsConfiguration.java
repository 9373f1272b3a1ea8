package io.govhub.connectors;

import io.govhub.connectors.redis.RedisConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The connectors' beans, imported by the gateway (the one composition root). */
@Configuration(proxyBeanMethods = false)
@Import({RedisConfiguration.class, io.govhub.connectors.messaging.MessagingConfiguration.class,
        io.govhub.connectors.delivery.DeliveryConfiguration.class, io.govhub.connectors.file.DropFolderConfiguration.class,
        io.govhub.connectors.scan.ScanConfiguration.class})
public class ConnectorsConfiguration {
}
