package io.govhub.core.caseflow;

import io.govhub.core.shared.FieldProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state machine, the checks of status messages and applicants, and material checks. */
class CaseRulesTest {

    static HubCase inState(CaseStatus s) {
        return new HubCase("N", "C", null, "371302", "p", s, "HALL",
                new Applicant("李四", "ID_CARD", "371302199001010011", "13800001234"), "u", Instant.EPOCH, 5, null, 0, null,
                null, null, null, 0, 1);
    }

    static StatusMessage msg(StatusMessageType t) {
        return new StatusMessage("e", 1, t, Instant.EPOCH, Map.of());
    }

    @Test
    void eachMessageIsLegalOnlyFromItsStates() {
        assertThat(CaseService.illegalMove(inState(CaseStatus.DISPATCHED), msg(StatusMessageType.ACCEPTANCE))).isNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.SUBMITTED), msg(StatusMessageType.ACCEPTANCE))).isNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.ACCEPTED), msg(StatusMessageType.ACCEPTANCE))).isNotNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.DISPATCHED), msg(StatusMessageType.COMPLETION))).isNotNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.IN_PROGRESS), msg(StatusMessageType.COMPLETION))).isNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.PAUSED), msg(StatusMessageType.COMPLETION))).isNotNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.PAUSED), msg(StatusMessageType.RESUME))).isNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.IN_PROGRESS), msg(StatusMessageType.RESUME))).isNotNull();
        assertThat(CaseService.illegalMove(inState(CaseStatus.PAUSED), msg(StatusMessageType.PAUSE))).isNotNull();
        for (CaseStatus done : new CaseStatus[]{CaseStatus.COMPLETED, CaseStatus.REJECTED, CaseStatus.WITHDRAWN}) {
            for (StatusMessageType t : StatusMessageType.values()) {
                assertThat(CaseService.illegalMove(inState(done), msg(t))).as(done + " " + t).isNotNull();
            }
            assertThat(done.next()).isEmpty();
        }
        assertThat(CaseStatus.DISPATCHED.canMoveTo(CaseStatus.WITHDRAWN)).isTrue();
        assertThat(CaseStatus.COMPLETED.canMoveTo(CaseStatus.WITHDRAWN)).isFalse();
    }

    @Test
    void aStatusMessageListsEveryMissingField() {
        StatusMessage m = new StatusMessage(" ", 0, StatusMessageType.STEP, null, Map.of("action", "同意"));
        assertThat(CaseService.validate(m)).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("sequence", "occurredAt", "eventId", "details.name", "details.handler",
                        "details.action");
    }

    @Test
    void applicantsAreCheckedByTheirDocumentType() {
        assertThat(Applicant.problems("李四", "ID_CARD", "371302199001010011", "13800001234")).isEmpty();
        assertThat(Applicant.problems("李四", "ID_CARD", "371302199001010012", "13800001234"))
                .extracting(FieldProblem::field).containsExactly("applicant.idNumber");
        assertThat(Applicant.problems("临沂某某有限公司", "USCC", "91371300MA3C000004", "0539-8888888"))
                .extracting(FieldProblem::field).doesNotContain("applicant.phone");
        assertThat(Applicant.problems("John Smith", "PASSPORT", "E12345678", "13800001234")).isEmpty();
        assertThat(Applicant.problems(null, "VISA", "x", "123")).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("applicant.name", "applicant.idType", "applicant.phone");
        Applicant a = Applicant.normalised(" 李四 ", "ID_CARD", "371302199001010011", "138 0000 1234");
        assertThat(a.phoneLast4()).isEqualTo("1234");
        assertThat(a.masked().toString()).doesNotContain("371302199001010011").doesNotContain("13800001234")
                .doesNotContain("李四");
        Applicant company = new Applicant("临沂某某有限公司", "USCC", "91371300MA3C000004", "05398888888");
        assertThat(company.masked().get("name")).isEqualTo("临沂某某有限公司");
    }

    @Test
    void materialsAreKnownByTheirFirstBytes() {
        assertThat(Materials.sniff("%PDF-1.7".getBytes())).contains("application/pdf");
        assertThat(Materials.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(Materials.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})).contains("image/png");
        assertThat(Materials.sniff("MZ\0\0".getBytes())).isEmpty();
        assertThat(Materials.sniff("<html><script>".getBytes())).isEmpty();
        assertThat(Materials.sniff(new byte[0])).isEmpty();
    }

    @Test
    void fileNamesLoseTheirPathsAndDangerousCharacters() {
        assertThat(Materials.safeFileName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Materials.safeFileName("C:\\Users\\a\\营业执照.pdf")).isEqualTo("营业执照.pdf");
        assertThat(Materials.safeFileName("a\r\nb\u0000.pdf")).isEqualTo("ab.pdf");
        assertThat(Materials.safeFileName("..")).isEqualTo("material");
        assertThat(Materials.safeFileName("x\"; filename=evil.exe")).doesNotContain("\"").doesNotContain(";");
        assertThat(Materials.safeFileName(null)).isEqualTo("material");
    }
}
