package io.govhub.gateway.cases;

import io.govhub.core.audit.MessageLog;
import io.govhub.core.audit.persistence.JdbcMessageLog;
import io.govhub.core.caseflow.Applicant;
import io.govhub.core.caseflow.CaseStatus;
import io.govhub.core.caseflow.HubCase;
import io.govhub.core.caseflow.persistence.JdbcSubmissionWriter;
import io.govhub.gateway.support.EmbeddedAppIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-statement submission ({@link JdbcSubmissionWriter}) on the application's PostgreSQL: all five writes,
 * committed, when nothing stands in the way; nothing at all, and an empty answer, when the key is claimed, the case
 * number taken, or a material is not there to attach. (The cases written are real ones, routed to the province's
 * SIMULATOR, which the relay dispatches them to like any other.)
 */
class SubmissionWriterIT extends EmbeddedAppIT {

    private static final String ITEM = "11371300MB285002573010000010000";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageLog messageLog;

    private JdbcSubmissionWriter writer;

    @BeforeEach
    void writer() {
        writer = new JdbcSubmissionWriter(jdbc, (JdbcMessageLog) messageLog);
    }

    /** A case of a number no real case has (the test database may outlive one run). */
    private static HubCase newCase() {
        return new HubCase(ITEM + "T" + UUID.randomUUID().toString().replace("-", ""), ITEM, "测试事项", "371302",
                DemoSimulators.PROVINCE, CaseStatus.SUBMITTED, "HALL",
                Applicant.normalised("李四", "ID_CARD", "371302199001010011", "13800001234"), "clerk-lanshan",
                Instant.now().truncatedTo(ChronoUnit.MICROS), 10, LocalDate.of(2026, 12, 11), 0, null, null, null, null, 0, 1);
    }

    private OptionalLong write(HubCase c, String key, List<String> refs) {
        return writer.writeNew(c, key, "a".repeat(64), refs, "CASE_DISPATCH", "{\"caseNumber\":\"" + c.caseNumber() + "\"}",
                new MessageLog.Message(c.submittedBy(), MessageLog.Direction.IN, "CASE_SUBMIT", key, c.caseNumber(),
                        "{\"applicant\":{\"idNumber\":\"371302199001010011\"}}", true));
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject("select count(*) from " + sql, Integer.class, args);
    }

    private int written(HubCase c, String key) {
        return count("case_idempotency where idem_key = ?", key) + count("hub_case where case_number = ?", c.caseNumber())
                + count("delivery_outbox where ref = ?", c.caseNumber())
                + count("message_log where case_number = ?", c.caseNumber());
    }

    private String material(String uploadedBy) {
        String ref = UUID.randomUUID().toString();
        jdbc.update("insert into case_material (ref, name, file_name, media_type, size_bytes, sha256, content, uploaded_by)"
                + " values (?, '身份证明', 'id.pdf', 'application/pdf', 4, ?, ?, ?)", UUID.fromString(ref), "b".repeat(64),
                new byte[]{'%', 'P', 'D', 'F'}, uploadedBy);
        return ref;
    }

    @Test
    void everythingIsWrittenInOneStatementWhenNothingStandsInTheWay() {
        String ref = material("clerk-lanshan");
        HubCase c = newCase();
        String key = "w-" + UUID.randomUUID();
        OptionalLong id = write(c, key, List.of(ref));
        assertThat(id).isPresent();
        Map<String, Object> seen = jdbc.queryForMap("select"
                        + " (select case_number from case_idempotency where idem_key = ?) as key_case,"
                        + " (select status from hub_case where case_number = ?) as status,"
                        + " (select applicant_masked::text from hub_case where case_number = ?) as masked,"
                        + " (select case_number from case_material where ref = ?) as material_case,"
                        + " (select ref from delivery_outbox where id = ? and kind = 'CASE_DISPATCH') as outbox_ref,"
                        + " (select body from message_log where case_number = ? and operation = 'CASE_SUBMIT') as logged",
                key, c.caseNumber(), c.caseNumber(), UUID.fromString(ref), id.getAsLong(), c.caseNumber());
        assertThat(seen.get("key_case")).isEqualTo(c.caseNumber());
        assertThat(seen.get("status")).as("submitted, or already dispatched by the relay").isIn("SUBMITTED", "DISPATCHED");
        assertThat((String) seen.get("masked")).doesNotContain("371302199001010011");
        assertThat(seen.get("material_case")).isEqualTo(c.caseNumber());
        assertThat(seen.get("outbox_ref")).isEqualTo(c.caseNumber());
        assertThat((String) seen.get("logged")).as("the body protected as the message log keeps it")
                .isNotNull().doesNotContain("371302199001010011");
    }

    @Test
    void aKeyAlreadyClaimedStopsTheWriteAndNothingIsWritten() {
        String key = "w-" + UUID.randomUUID();
        assertThat(write(newCase(), key, List.of())).isPresent();
        HubCase again = newCase();
        assertThat(write(again, key, List.of())).isEmpty();
        assertThat(count("hub_case where case_number = ?", again.caseNumber())).as("no case for a claimed key").isZero();
        assertThat(count("message_log where case_number = ?", again.caseNumber())).isZero();
    }

    @Test
    void aCaseNumberAlreadyTakenTakesTheWholeStatementBack() {
        HubCase c = newCase();
        assertThat(write(c, "w-" + UUID.randomUUID(), List.of())).isPresent();
        String second = "w-" + UUID.randomUUID();
        assertThat(write(c, second, List.of())).isEmpty();
        assertThat(count("case_idempotency where idem_key = ?", second)).as("the key's claim taken back").isZero();
        assertThat(count("delivery_outbox where ref = ?", c.caseNumber())).as("one dispatch, the first write's").isEqualTo(1);
        assertThat(count("message_log where case_number = ? and operation = 'CASE_SUBMIT'", c.caseNumber())).isEqualTo(1);
    }

    @Test
    void aMaterialOfSomeoneElseOrAlreadyAttachedStopsTheWriteAndNothingIsWritten() {
        String others = material("clerk-feixian");
        String mine = material("clerk-lanshan");
        HubCase c = newCase();
        String key = "w-" + UUID.randomUUID();
        assertThat(write(c, key, List.of(others))).as("someone else's upload").isEmpty();
        assertThat(written(c, key)).isZero();
        assertThat(count("case_material where ref = ? and case_number is null", UUID.fromString(others))).isEqualTo(1);

        assertThat(write(newCase(), "w-" + UUID.randomUUID(), List.of(mine))).isPresent();
        HubCase late = newCase();
        String lateKey = "w-" + UUID.randomUUID();
        assertThat(write(late, lateKey, List.of(mine))).as("attached to the case before").isEmpty();
        assertThat(written(late, lateKey)).isZero();
        assertThat(write(late, lateKey, List.of("not-a-uuid"))).isEmpty();
        assertThat(written(late, lateKey)).isZero();
        jdbc.update("delete from case_material where ref = ?", UUID.fromString(others));
    }
}
