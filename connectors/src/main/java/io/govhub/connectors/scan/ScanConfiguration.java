package io.govhub.connectors.scan;

import io.govhub.core.caseflow.CaseService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Malware scanning of uploaded materials by a ClamAV daemon, when {@code govhub.materials.scan.clamd} names one
 * ({@code host:port}); without it materials are stored unscanned and shown as such.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${govhub.materials.scan.clamd:}'.isBlank()")
public class ScanConfiguration {

    @Bean
    public ClamdScanner clamdScanner(@Value("${govhub.materials.scan.clamd}") String address,
                                     @Value("${govhub.materials.scan.timeout:30s}") Duration timeout, Clock clock,
                                     CaseService cases) {
        ClamdScanner scanner = new ClamdScanner(ClamdScanner.parseAddress(address), timeout, clock);
        cases.scanMaterialsWith(scanner);
        return scanner;
    }

    @Bean
    public ClamdHealthIndicator malwareScannerHealthIndicator(ClamdScanner scanner) {
        return new ClamdHealthIndicator(scanner);
    }
}
