package io.govhub.guide.imports;

import io.govhub.core.tabular.CsvRows;
import java.util.List;

/**
 * The column layout of an implementation list (实施清单) import, one item per row; columns are found by their header,
 * in any order. Cells with several values separate them with {@code ；} (or a line break); the parts of one value
 * with {@code |}. The README documents the layout; {@link #template()} is the downloadable template.
 */
public final class ImportColumns {

    public static final String NAME = "事项名称";
    public static final String BASIC_CODE = "基本编码";
    public static final String IMPLEMENTATION_CODE = "实施编码";
    public static final String TYPE = "事项类型代码";
    public static final String LEGAL_BASIS = "设定依据";
    public static final String LEVEL = "行使层级代码";
    public static final String BODY = "实施主体";
    public static final String BODY_USCC = "实施主体代码";
    public static final String BODY_NATURE = "实施主体性质代码";
    public static final String LEGAL_LIMIT = "法定办结时限";
    public static final String LEGAL_UNIT = "法定时限单位";
    public static final String PROMISED_LIMIT = "承诺办结时限";
    public static final String PROMISED_UNIT = "承诺时限单位";
    public static final String CONDITIONS = "受理条件";
    public static final String PROCESS = "办理流程";
    public static final String RESULT = "结果名称";
    public static final String CHARGED = "是否收费";
    public static final String FEES = "收费项目";
    public static final String TONGBAN = "通办范围代码";
    public static final String OBJECTS = "服务对象代码";
    public static final String FORMS = "办理形式代码";
    public static final String DIVISION = "行政区划代码";
    public static final String ONLINE = "是否网办";
    public static final String ONLINE_URL = "网办地址";
    public static final String LOCATION = "办理地点";
    public static final String HOURS = "办理时间";
    public static final String CONSULT_PHONE = "咨询电话";
    public static final String SUPERVISE_PHONE = "监督电话";
    public static final String MATERIALS = "申请材料";
    public static final String KEYWORDS = "关键词";

    /** All columns in template order; {@link #REQUIRED} must be present in the header. */
    public static final List<String> ALL = List.of(NAME, BASIC_CODE, IMPLEMENTATION_CODE, TYPE, LEGAL_BASIS, LEVEL, BODY,
            BODY_USCC, BODY_NATURE, LEGAL_LIMIT, LEGAL_UNIT, PROMISED_LIMIT, PROMISED_UNIT, CONDITIONS, PROCESS, RESULT,
            CHARGED, FEES, TONGBAN, OBJECTS, FORMS, DIVISION, ONLINE, ONLINE_URL, LOCATION, HOURS, CONSULT_PHONE,
            SUPERVISE_PHONE, MATERIALS, KEYWORDS);
    public static final List<String> REQUIRED = List.of(NAME, BASIC_CODE, IMPLEMENTATION_CODE, TYPE, LEGAL_BASIS, LEVEL,
            BODY, BODY_USCC, PROCESS, CHARGED, DIVISION, CONSULT_PHONE, MATERIALS);

    private ImportColumns() {
    }

    /** The template: UTF-8 with a byte-order mark (so that Excel opens it right), the header and one example row. */
    public static String template() {
        String example = CsvRows.line("食品经营许可（新办）", "010000010000", "11371300MB285002573010000010000", "01",
                "《中华人民共和国食品安全法》第三十五条", "3", "临沂市行政审批服务局", "11371300MB28500257", "1", "20", "工作日",
                "5", "工作日", "申请材料齐全、符合法定形式", "申请：提交申请材料；受理：当场作出决定；审查；决定；送达", "食品经营许可证", "否", "",
                "4", "2", "1、2、3", "371300", "是", "https://zwfw.sd.gov.cn/", "临沂市政务服务中心一楼", "工作日 9:00–17:00",
                "0539-12345", "0539-12345",
                "食品经营许可申请书|申请人自备|1|0|是；营业执照|市场监督管理部门|0|1|是", "食品 餐饮");
        return "\uFEFF" + CsvRows.line(ALL.toArray(new String[0])) + "\r\n" + example + "\r\n";
    }
}
