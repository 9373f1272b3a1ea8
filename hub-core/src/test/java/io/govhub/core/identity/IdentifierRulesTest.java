package io.govhub.core.identity;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules beyond the vectors: the reason given for each rejection, and normalisation. */
class IdentifierRulesTest {

    private static String codes(IdentifierCheck c) {
        return String.join(",", c.errors().stream().map(IdentifierIssue::code).toList());
    }

    @Test
    void uscc_reasons_name_the_failure() {
        assertThat(codes(UnifiedSocialCreditCode.check(""))).isEqualTo("IDENTIFIER_EMPTY");
        assertThat(codes(UnifiedSocialCreditCode.check(null))).isEqualTo("IDENTIFIER_EMPTY");
        assertThat(codes(UnifiedSocialCreditCode.check("91350100M000100Y4"))).isEqualTo("IDENTIFIER_LENGTH");
        assertThat(codes(UnifiedSocialCreditCode.check("91350100MO00100Y43"))).isEqualTo("IDENTIFIER_CHARSET");
        assertThat(codes(UnifiedSocialCreditCode.check("91350100M000100Y44"))).isEqualTo("IDENTIFIER_CHECKSUM");
        assertThat(UnifiedSocialCreditCode.check("91350100M000100Y44").errors().get(0).message().en())
                .contains("expected 3");
    }

    @Test
    void full_width_input_and_surrounding_spaces_are_normalised() {
        IdentifierCheck c = UnifiedSocialCreditCode.check("  ９１３５０１００Ｍ０００１００Ｙ４３\t");
        assertThat(c.valid()).isTrue();
        assertThat(c.normalised()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void resident_id_birth_date_must_exist_and_not_lie_in_the_future() {
        LocalDate today = LocalDate.of(2026, 11, 27);
        assertThat(codes(ResidentIdNumber.check("371302199002300011", today))).contains("IDENTIFIER_BIRTH_DATE");
        // a future birth date with a correct check character: 2030-01-01
        String body = "37130220300101001";
        String future = body + ResidentIdNumber.checkChar(body);
        assertThat(codes(ResidentIdNumber.check(future, today))).isEqualTo("IDENTIFIER_BIRTH_DATE");
        assertThat(ResidentIdNumber.check(future, LocalDate.of(2031, 1, 1)).valid()).isTrue();
    }

    @Test
    void legacy_15_digit_ids_are_rejected_explicitly() {
        assertThat(codes(ResidentIdNumber.check("371302900101001"))).isEqualTo("IDENTIFIER_LEGACY_15");
    }

    @Test
    void organisation_code_reasons() {
        assertThat(codes(OrganisationCode.check("MA1FL0LY8"))).isEqualTo("IDENTIFIER_CHECKSUM");
        assertThat(codes(OrganisationCode.check("MA1FL0LY"))).isEqualTo("IDENTIFIER_LENGTH");
        assertThat(codes(OrganisationCode.check("MA1FL-LY9"))).isEqualTo("IDENTIFIER_CHARSET");
    }
}
