package io.govhub.guide.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** The code sets of GB/T 39046-2020 appendix A used by service items, code → Chinese label. */
public final class CodeSets {

    private CodeSets() {
    }

    /** A.1 事项类型代码 */
    public static final Map<String, String> ITEM_TYPE = ordered(
            "00", "行政权力事项", "01", "行政许可", "02", "行政处罚", "03", "行政强制", "04", "行政征收", "05", "行政给付",
            "06", "行政检查", "07", "行政确认", "08", "行政奖励", "09", "行政裁决", "10", "其他类别", "20", "公共服务事项");
    /** A.2 行使层级代码 */
    public static final Map<String, String> EXERCISE_LEVEL = ordered(
            "1", "国家级", "2", "省级", "3", "市级", "4", "县级", "5", "镇（乡、街道）级", "6", "村（社区）级", "7", "分级管理");
    /** A.3 实施主体性质代码 */
    public static final Map<String, String> BODY_NATURE = ordered("1", "法定机关", "2", "授权组织", "3", "受委托组织", "9", "其他");
    /** A.4 服务对象代码 */
    public static final Map<String, String> SERVICE_OBJECT = ordered(
            "1", "自然人", "2", "企业法人", "3", "事业法人", "4", "社会组织法人", "5", "行政机关", "6", "其他组织");
    /** A.5 办理形式代码 */
    public static final Map<String, String> HANDLING_FORM = ordered(
            "1", "窗口办理", "2", "电脑端网上办理", "3", "移动端网上申请", "4", "快递申请", "9", "其他");
    /** 通办范围代码 */
    public static final Map<String, String> TONGBAN_SCOPE = ordered("1", "全国", "2", "跨省", "3", "跨市", "4", "跨县");
    /** 运行系统层级 */
    public static final Map<String, String> SYSTEM_LEVEL = ordered("1", "国家级", "2", "省级", "3", "市级");

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
