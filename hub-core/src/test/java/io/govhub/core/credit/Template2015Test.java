package io.govhub.core.credit;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The 2015 template read into the national layout, then through the same validation as any record. */
class Template2015Test {

    private static final String MARKET = "11371300MB28500332";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Map<String, String> PENALTY_DEFAULTS = Map.of("CF_CFJGDM", MARKET, "CF_SJLYDM", MARKET,
            "CF_SJLY", "临沂市市场监督管理局", "CF_CFJG", "临沂市市场监督管理局");

    private static List<Map<String, String>> read(String csv, Map<String, String> defaults) throws Exception {
        Path file = Files.createTempFile("template2015-", ".csv");
        try {
            Files.write(file, csv.getBytes(Charset.forName("GBK")));
            List<Map<String, String>> rows = new ArrayList<>();
            CreditBatchReader.read(file, "旧模板.csv", null, type -> defaults, type -> { }, rows::add);
            return rows;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static final String PENALTY_HEADER = "行政处罚决定书文号,处罚名称,处罚类别1,处罚类别2,处罚事由,处罚依据,行政相对人名称,"
            + "行政相对人代码_1(统一社会信用代码),行政相对人代码_2(组织机构代码),行政相对人代码_3(工商登记码),"
            + "行政相对人代码_4(税务登记号),行政相对人代码_5(居民身份证号),法定代表人姓名,处罚结果,处罚决定日期,处罚机关,当前状态,"
            + "地方编码,数据更新时间戳,公示期限,备注\r\n";

    @Test
    void a_penalty_of_a_company_in_the_2015_template_is_a_valid_national_record() throws Exception {
        List<Map<String, String>> rows = read(PENALTY_HEADER
                + "临市监罚〔2016〕12号,无证经营案,罚款,警告,未取得许可从事食品经营,《食品安全法》第一百二十二条,临沂某某商贸有限公司,"
                + "91350100M000100Y43,,,,,张三,罚款人民币5000元,2016-10-30,临沂市市场监督管理局,0,371300,20161030120000,3,\r\n",
                PENALTY_DEFAULTS);
        Map<String, String> r = rows.get(0);
        assertThat(r).containsEntry("CF_WSH", "临市监罚〔2016〕12号").containsEntry("CF_XDR_LB", "法人及非法人组织")
                .containsEntry("CF_XDR_SHXYM", "91350100M000100Y43").containsEntry("CF_CFLB", "罚款;警告")
                .containsEntry("CF_NR_FK", "0.5").containsEntry("CF_GSJZQ", "2019-10-30").containsEntry("CF_CFJGDM", MARKET);
        CreditRecordParser.Parsed parsed = CreditRecordParser.parse(RecordType.PENALTY, r, TODAY, MARKET::equals);
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.record().fineWanYuan()).isEqualByComparingTo("0.5");
    }

    @Test
    void only_a_resident_id_makes_a_natural_person_and_a_92_uscc_an_individual_business() throws Exception {
        List<Map<String, String>> rows = read(PENALTY_HEADER
                + "临市监罚〔2016〕13号,无照经营案,警告,,无照经营,条例第十四条,王某,,,,,37130219900101002X,,警告,2016-10-30,"
                + "临沂市市场监督管理局,0,371300,,1,\r\n"
                + "临市监罚〔2016〕14号,无照经营案,警告,,无照经营,条例第十四条,兰山区某某小吃店,92371302MA3C000005,,,,,,警告,"
                + "2016-10-30,临沂市市场监督管理局,0,371300,,1,\r\n", PENALTY_DEFAULTS);
        assertThat(rows.get(0)).containsEntry("CF_XDR_LB", "自然人").containsEntry("CF_XDR_ZJLX", "身份证")
                .containsEntry("CF_XDR_ZJHM", "37130219900101002X").containsEntry("CF_GSJZQ", "2017-10-30");
        assertThat(rows.get(1)).containsEntry("CF_XDR_LB", "个体工商户");
    }

    @Test
    void a_fine_not_found_in_the_result_is_reported_at_its_field_not_guessed() throws Exception {
        List<Map<String, String>> rows = read(PENALTY_HEADER
                + "临市监罚〔2016〕15号,案,罚款,,事由,依据,临沂某某商贸有限公司,91350100M000100Y43,,,,,张三,"
                + "罚款5000元并没收违法所得200元罚款3000元,2016-10-30,临沂市市场监督管理局,0,371300,,5,\r\n", PENALTY_DEFAULTS);
        CreditRecordParser.Parsed parsed = CreditRecordParser.parse(RecordType.PENALTY, rows.get(0), TODAY, MARKET::equals);
        assertThat(parsed.problems()).extracting(p -> p.field()).contains("CF_NR_FK", "CF_GSJZQ");
    }

    @Test
    void a_permit_in_the_2015_template() throws Exception {
        List<Map<String, String>> rows = read("行政许可决定书文号,项目名称,审批类别,许可内容,行政相对人名称,行政相对人代码_1,"
                + "行政相对人代码_2,行政相对人代码_3,行政相对人代码_4,行政相对人代码_5,法定代表人姓名,许可决定日期,许可截止期,许可机关,"
                + "当前状态,地方编码,数据更新时间戳,备注\r\n"
                + "临市监许〔2016〕8号,食品经营许可,普通,预包装食品销售,临沂某某商贸有限公司,91350100M000100Y43,,,,,张三,"
                + "2016-10-30,2021-10-29,临沂市市场监督管理局,0,371300,,\r\n",
                Map.of("XK_XKJGDM", MARKET, "XK_LYDWDM", MARKET, "XK_LYDW", "临沂市市场监督管理局"));
        Map<String, String> r = rows.get(0);
        assertThat(r).containsEntry("XK_XKWS", "食品经营许可").containsEntry("XK_YXQZ", "2016-10-30")
                .containsEntry("XK_YXQZI", "2021-10-29").containsEntry("XK_ZT", "1");
        assertThat(CreditRecordParser.parse(RecordType.PERMIT, r, TODAY, MARKET::equals).problems()).isEmpty();
    }

    @Test
    void a_2015_header_with_both_or_neither_document_number_is_refused() {
        assertThatThrownBy(() -> read("行政相对人名称,行政相对人代码_1\r\n某公司,91350100M000100Y43\r\n", Map.of()))
                .hasMessageContaining("2015");
    }

    @Test
    void fines_in_the_result_text() {
        assertThat(Template2015.fineIn("罚款人民币5000元")).isEqualTo("0.5");
        assertThat(Template2015.fineIn("处以罚款 1.2 万元")).isEqualTo("1.2");
        assertThat(Template2015.fineIn("罚款123.45元")).isEqualTo("0.012345");
        assertThat(Template2015.fineIn("警告")).isNull();
    }
}
