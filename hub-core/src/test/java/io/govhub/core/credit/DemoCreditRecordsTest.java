package io.govhub.core.credit;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every demo record passes the same validation as a real one. */
class DemoCreditRecordsTest {

    @Test
    void all_demo_records_are_valid() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        var demo = DemoCreditRecords.generate(500, today, 42);
        Set<String> known = Set.of(DemoCreditRecords.APPROVAL_BUREAU, DemoCreditRecords.MARKET);
        for (var entry : demo.entrySet()) {
            assertThat(entry.getValue()).hasSize(500);
            for (var raw : entry.getValue()) {
                var parsed = CreditRecordParser.parse(entry.getKey(), raw, today, known::contains);
                assertThat(parsed.problems()).as(raw.toString()).isEmpty();
                assertThat(parsed.record().decisionDate()).isBefore(today);
            }
        }
    }

    @Test
    void demo_id_numbers_use_a_division_code_nobody_has() {
        String id = DemoCreditRecords.idNumber(new java.util.Random(1));
        assertThat(id).startsWith("371399");
        assertThat(io.govhub.core.identity.ResidentIdNumber.check(id).valid()).isTrue();
    }
}
