package io.govhub.core.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskerTest {

    @Test
    void id_number_keeps_first_and_last_four() {
        assertThat(PersonalDataMasker.maskIdNumber("371302199001010011")).isEqualTo("3713**********0011");
        assertThat(PersonalDataMasker.maskIdNumber("1234")).isEqualTo("****");
        assertThat(PersonalDataMasker.maskIdNumber(null)).isNull();
    }

    @Test
    void names_keep_the_surname_only() {
        assertThat(PersonalDataMasker.maskName("张三")).isEqualTo("张*");
        assertThat(PersonalDataMasker.maskName("张三丰")).isEqualTo("张**");
        assertThat(PersonalDataMasker.maskName("欧阳修远")).isEqualTo("欧阳**");
        assertThat(PersonalDataMasker.maskName("欧阳")).isEqualTo("欧*");
        assertThat(PersonalDataMasker.maskName("王")).isEqualTo("*");
        assertThat(PersonalDataMasker.maskName("买买提·艾力")).isEqualTo("买**·**");
    }

    @Test
    void phones() {
        assertThat(PersonalDataMasker.maskPhone("13812345678")).isEqualTo("138****5678");
        assertThat(PersonalDataMasker.maskPhone("0539-8721234")).isEqualTo("0539-*****34");
    }

    @Test
    void addresses_keep_the_county() {
        assertThat(PersonalDataMasker.maskAddress("山东省临沂市兰山区金雀山路1号3单元"))
                .isEqualTo("山东省临沂市兰山区****");
        assertThat(PersonalDataMasker.maskAddress("费县探沂镇某村")).isEqualTo("费县****");
        assertThat(PersonalDataMasker.maskAddress("某村某号")).isEqualTo("****");
    }

    @Test
    void free_text_masks_ids_and_mobiles_but_not_other_numbers() {
        String text = "申请人 371302199001010011 电话 13812345678，订单号 20240101123456789012";
        String masked = PersonalDataMasker.maskFreeText(text);
        assertThat(masked).doesNotContain("371302199001010011").doesNotContain("13812345678")
                .contains("3713**********0011").contains("138****5678").contains("20240101123456789012");
    }

    /** The rules of {@link PersonalDataMasker#maskFreeText} as the patterns they were first written as. */
    private static String maskFreeTextByPatterns(String text) {
        String out = java.util.regex.Pattern.compile("(?<![0-9A-Za-z])(\\d{6})(\\d{8})(\\d{3}[0-9Xx])(?![0-9A-Za-z])"
                + "|(?<![0-9A-Za-z])\\d{15}(?![0-9A-Za-z])").matcher(text)
                .replaceAll(r -> PersonalDataMasker.maskIdNumber(r.group()));
        return java.util.regex.Pattern.compile("(?<![0-9])(?:\\+?86[- ]?)?(1[3-9]\\d)(\\d{4})(\\d{4})(?![0-9])")
                .matcher(out).replaceAll(r -> r.group().substring(0, r.group().length() - 8) + "****"
                        + r.group().substring(r.group().length() - 4));
    }

    @Test
    void free_text_scanner_agrees_with_the_patterns_on_random_text() {
        // texts made of what the rules look at: digits (mostly), the check letters, other letters, +86 and separators,
        // Chinese characters; long enough to hold several numbers, short enough for the boundaries to vary
        String[] pieces = {"0", "1", "3", "8", "6", "9", "86", "+86", "+86-", "86 ", "13", "X", "x", "a", "Z", "-", " ",
                "号", "，", "*", "138", "1381234", "371302", "19900101", "001X", "0011"};
        java.util.Random random = new java.util.Random(20261128);
        int masked = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = random.nextInt(30); k >= 0; k--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = b.toString();
            String expected = maskFreeTextByPatterns(text);
            assertThat(PersonalDataMasker.maskFreeText(text)).as(text).isEqualTo(expected);
            masked += expected.equals(text) ? 0 : 1;
        }
        assertThat(masked).as("texts the rules changed (the comparison must cover masking, not only pass-through)")
                .isGreaterThan(1_000);
    }

    @Test
    void free_text_without_eleven_digits_in_a_row_is_returned_as_it_is() {
        // the quick check before the patterns: a mobile number needs 11 digits in a row, an ID number 15 or 17
        String tenDigits = "文号 1381234567 号";
        assertThat(PersonalDataMasker.maskFreeText(tenDigits)).isSameAs(tenDigits);
        assertThat(PersonalDataMasker.maskFreeText("138 1234 5678")).isEqualTo("138 1234 5678");
        assertThat(PersonalDataMasker.maskFreeText("电话13812345678")).isEqualTo("电话138****5678");
        assertThat(PersonalDataMasker.maskFreeText("+86-13812345678")).isEqualTo("+86-138****5678");
        assertThat(PersonalDataMasker.maskFreeText("旧证371302900101001")).isEqualTo("旧证3713*******1001");
        assertThat(PersonalDataMasker.maskFreeText("身份证37130219900101001X。")).isEqualTo("身份证3713**********001X。");
        assertThat(PersonalDataMasker.hasDigitRun("1234567890a1", 11)).isFalse();
        assertThat(PersonalDataMasker.hasDigitRun("a12345678901", 11)).isTrue();
    }

    @Test
    void bank_accounts_keep_the_last_four() {
        assertThat(PersonalDataMasker.maskBankAccount("6222 0200 1234 5678")).isEqualTo("************5678");
    }
}
