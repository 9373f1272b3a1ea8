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
