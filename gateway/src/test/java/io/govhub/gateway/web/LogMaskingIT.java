package io.govhub.gateway.web;

import io.govhub.gateway.support.EmbeddedAppIT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's logging configuration masks personal data in every message and stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingIT extends EmbeddedAppIT {

    @Test
    void id_numbers_and_mobiles_never_reach_the_log_in_clear(CapturedOutput output) {
        var log = LoggerFactory.getLogger("io.govhub.test");
        log.info("applicant {} called from {}", "371302199001010011", "13812345678");
        log.warn("failed", new IllegalStateException("bad record for 37130219900101002X"));
        assertThat(output.getOut()).contains("3713**********0011").contains("138****5678")
                .contains("3713**********002X")
                .doesNotContain("371302199001010011").doesNotContain("13812345678").doesNotContain("37130219900101002X");
    }
}
