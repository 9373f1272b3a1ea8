package io.govhub.core.credit;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class CreditPublicViewTest {

    private static final Pattern ID = Pattern.compile("\\d{17}[\\dX]");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    @Test
    void a_natural_person_is_masked_everywhere() {
        CreditRecord r = CreditRecordParserTest.parse(RecordType.PENALTY, CreditRecordParserTest.penaltyOfNaturalPerson()).record();
        Map<String, String> view = CreditPublicView.of(r);
        assertThat(view).containsEntry("CF_XDR_MC", "张**").containsEntry("CF_XDR_ZJHM", "3713**********0011")
                .containsEntry("CF_CFJG", "临沂市市场监督管理局");
        String all = String.join(" ", view.values());
        assertThat(ID.matcher(all).find()).isFalse();
        assertThat(MOBILE.matcher(all).find()).as("a phone number inside 违法事实").isFalse();
    }

    @Test
    void a_natural_persons_name_inside_the_facts_is_masked_too() {
        Map<String, String> m = CreditRecordParserTest.with(CreditRecordParserTest.penaltyOfNaturalPerson(), "CF_SY",
                "当事人张三丰于2026年10月在兰山区销售过期食品，张三丰对违法事实无异议");
        Map<String, String> view = CreditPublicView.of(CreditRecordParserTest.parse(RecordType.PENALTY, m).record());
        assertThat(view.get("CF_SY")).doesNotContain("张三丰").contains("当事人张**于");
    }

    @Test
    void an_organisation_stays_public_but_its_representatives_id_does_not() {
        Map<String, String> m = CreditRecordParserTest.with(CreditRecordParserTest.permit(), "XK_FR_ZJHM", "37130219900101002X");
        Map<String, String> view = CreditPublicView.of(CreditRecordParserTest.parse(RecordType.PERMIT, m).record());
        assertThat(view).containsEntry("XK_XDR_MC", "临沂某食品有限公司").containsEntry("XK_FRDB", "王五")
                .containsEntry("XK_FR_ZJHM", "3713**********002X");
    }
}
