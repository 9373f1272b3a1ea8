package io.govhub.gateway.support;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

/**
 * The certificates of the mutual-TLS tests, made once per test JVM: a partner CA and a server certificate for govhub's
 * partner port; client certificates for a registered partner, for a name that is not a partner, and from a CA govhub
 * does not trust.
 */
public final class PartnerTlsFixture {

    public static final Path DIR = Path.of(EmbeddedAppIT.DATA_DIR + "-tls").toAbsolutePath();
    private static PartnerTlsFixture instance;

    public final int port;
    public final Path serverKeyStore;
    public final Path trustStore;
    private final TestCertificates.Issued ca;

    private PartnerTlsFixture() throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ca = TestCertificates.authority("govhub partner CA (test)");
        serverKeyStore = TestCertificates.issue(ca, "localhost").keyStore(DIR.resolve("server.p12"), ca.certificate());
        trustStore = TestCertificates.trustStore(DIR.resolve("partner-ca.p12"), ca.certificate());
    }

    public static synchronized PartnerTlsFixture get() {
        if (instance == null) {
            try {
                instance = new PartnerTlsFixture();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** A client key store with a certificate for {@code CN=commonName} issued by the trusted partner CA. */
    public Path client(String commonName) throws Exception {
        return TestCertificates.issue(ca, commonName).keyStore(DIR.resolve("client-" + commonName + ".p12"), ca.certificate());
    }

    /** A client key store with a certificate for {@code CN=commonName} from a CA govhub does not trust. */
    public Path untrustedClient(String commonName) throws Exception {
        TestCertificates.Issued other = TestCertificates.authority("some other CA");
        return TestCertificates.issue(other, commonName).keyStore(DIR.resolve("untrusted-" + commonName + ".p12"),
                other.certificate());
    }

    /** A TLS context that trusts govhub's server certificate and presents the given client key store (or none). */
    public SSLContext context(Path clientKeyStore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trustStore)) {
            trust.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientKeyStore != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(clientKeyStore)) {
                ks.load(in, "changeit".toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
