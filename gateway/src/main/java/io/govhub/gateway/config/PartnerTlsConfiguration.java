package io.govhub.gateway.config;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mutual TLS for partner systems (optional): one more HTTPS port ({@code govhub.partner-tls.port}) on which every
 * client must present a certificate issued by a CA in {@code govhub.partner-tls.trust-store}; the API then knows the
 * partner by the certificate's common name ({@link io.govhub.gateway.security.PartnerCertificates}). The main port
 * is unchanged (tokens or passwords). Key and trust stores are PKCS#12.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "govhub.partner-tls.enabled", havingValue = "true")
public class PartnerTlsConfiguration {

    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> partnerTlsConnector(
            @Value("${govhub.partner-tls.port:8443}") int port,
            @Value("${govhub.partner-tls.key-store}") String keyStore,
            @Value("${govhub.partner-tls.key-store-password}") String keyStorePassword,
            @Value("${govhub.partner-tls.trust-store}") String trustStore,
            @Value("${govhub.partner-tls.trust-store-password}") String trustStorePassword) {
        for (String store : new String[]{keyStore, trustStore}) {
            if (!Files.isReadable(Path.of(store))) {
                throw new IllegalStateException("govhub.partner-tls: cannot read " + store);
            }
        }
        return factory -> {
            Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
            connector.setPort(port);
            connector.setScheme("https");
            connector.setSecure(true);
            Http11NioProtocol protocol = (Http11NioProtocol) connector.getProtocolHandler();
            protocol.setSSLEnabled(true);
            SSLHostConfig host = new SSLHostConfig();
            host.setCertificateVerification("required");
            host.setProtocols("TLSv1.2+TLSv1.3");
            host.setTruststoreFile(Path.of(trustStore).toAbsolutePath().toString());
            host.setTruststorePassword(trustStorePassword);
            host.setTruststoreType("PKCS12");
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
            certificate.setCertificateKeystoreFile(Path.of(keyStore).toAbsolutePath().toString());
            certificate.setCertificateKeystorePassword(keyStorePassword);
            certificate.setCertificateKeystoreType("PKCS12");
            host.addCertificate(certificate);
            protocol.addSslHostConfig(host);
            factory.addAdditionalTomcatConnectors(connector);
        };
    }
}
