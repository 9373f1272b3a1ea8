package io.govhub.connectors.scan;

import io.govhub.core.caseflow.MalwareScanner;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * clamd's answers read as verdicts, and the address setting; the protocol against a real clamd is in the gateway's
 * {@code MaterialScanIT}.
 */
class ClamdScannerTest {

    private static final String ENGINE = "ClamAV 1.4.6/27470/Sat Nov 28 09:15:04 2026";

    @Test
    void ok_is_clean_and_found_names_the_signature() {
        assertThat(ClamdScanner.verdict("stream: OK", ENGINE)).isEqualTo(MalwareScanner.Verdict.clean(ENGINE));
        assertThat(ClamdScanner.verdict("stream: Win.Test.EICAR_HDB-1 FOUND", ENGINE))
                .isEqualTo(MalwareScanner.Verdict.found("Win.Test.EICAR_HDB-1", ENGINE));
    }

    @Test
    void anything_else_is_no_verdict_never_clean() {
        for (String reply : new String[] {"INSTREAM size limit exceeded. ERROR", "", "stream: FOUND", "OK",
                "stream: OK FOUND?", "stream: Can't allocate memory ERROR", "UNKNOWN COMMAND"}) {
            assertThatThrownBy(() -> ClamdScanner.verdict(reply, ENGINE)).as(reply)
                    .isInstanceOf(MalwareScanner.Unavailable.class);
        }
    }

    @Test
    void the_address_is_host_and_port() {
        InetSocketAddress a = ClamdScanner.parseAddress(" clamav.internal:3310 ");
        assertThat(a.getHostString()).isEqualTo("clamav.internal");
        assertThat(a.getPort()).isEqualTo(3310);
        assertThat(ClamdScanner.parseAddress("[::1]:3310").getHostString()).isEqualTo("::1");
        for (String bad : new String[] {"clamav", "clamav:", ":3310", "clamav:port", "clamav:0", "clamav:70000"}) {
            assertThatThrownBy(() -> ClamdScanner.parseAddress(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("govhub.materials.scan.clamd");
        }
    }
}
