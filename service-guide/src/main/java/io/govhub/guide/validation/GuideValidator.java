package io.govhub.guide.validation;

import io.govhub.core.identity.UnifiedSocialCreditCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.Text;
import io.govhub.guide.model.CodeSets;
import io.govhub.guide.model.FeeItem;
import io.govhub.guide.model.GuideContent;
import io.govhub.guide.model.Material;
import io.govhub.guide.model.ProcessStep;
import io.govhub.guide.model.TimeLimit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a guide's content and reports every problem with its field, in Chinese and English:
 * the eight elements the Linyi measures require (name, legal basis, accepting unit, basic process, materials, fees
 * with their basis, time limit, consultation phone), the structure of the codes, the implementing body's USCC, fees,
 * time limits (promised ≤ legal) and code-set values.
 * <p>
 * The implementation code (实施编码) is the implementing body's USCC (18), the exercise level code (1) and the basic
 * code; the basic code's length differs between sources, so its bounds are settings.
 */
public class GuideValidator {

    public static final String REQUIRED = "GUIDE_FIELD_REQUIRED";
    public static final String MALFORMED = "GUIDE_FIELD_MALFORMED";
    public static final String CODE_UNKNOWN = "GUIDE_CODE_UNKNOWN";
    public static final String INCONSISTENT = "GUIDE_FIELD_INCONSISTENT";

    private static final Pattern PHONE = Pattern.compile("[0-9\\-+() ]{3,30}");
    private final Pattern basicCode;
    private final String basicCodeLengths;

    public GuideValidator(int basicCodeMinLength, int basicCodeMaxLength) {
        this.basicCode = Pattern.compile("[0-9A-Z]{" + basicCodeMinLength + "," + basicCodeMaxLength + "}");
        this.basicCodeLengths = basicCodeMinLength + "–" + basicCodeMaxLength;
    }

    public GuideValidator() {
        this(6, 12);
    }

    public List<FieldProblem> validate(GuideContent g) {
        List<FieldProblem> p = new ArrayList<>();
        // the eight elements of the Linyi measures, article 六
        required(p, g.name(), "name", "事项名称");
        required(p, g.legalBasis(), "legalBasis", "办理依据（设定依据）");
        required(p, g.implementingBody(), "implementingBody", "受理单位（实施主体）");
        if (g.process().isEmpty()) {
            p.add(problem("process", REQUIRED, "缺少基本流程", "the basic process (steps) is missing"));
        }
        for (int i = 0; i < g.process().size(); i++) {
            ProcessStep s = g.process().get(i);
            required(p, s == null ? null : s.name(), "process[" + i + "].name", "环节名称");
        }
        if (g.materials().isEmpty()) {
            p.add(problem("materials", REQUIRED, "缺少申请材料", "the application materials are missing"));
        }
        for (int i = 0; i < g.materials().size(); i++) {
            material(p, g.materials().get(i), "materials[" + i + "]");
        }
        fees(p, g);
        if (g.legalLimit() == null && g.promisedLimit() == null) {
            p.add(problem("promisedLimit", REQUIRED, "缺少办理时限（法定或承诺办结时限）",
                    "the time limit (legal or promised) is missing"));
        }
        limit(p, g.legalLimit(), "legalLimit", "法定办结时限");
        limit(p, g.promisedLimit(), "promisedLimit", "承诺办结时限");
        if (g.legalLimit() != null && g.promisedLimit() != null) {
            Long legal = g.legalLimit().hours();
            Long promised = g.promisedLimit().hours();
            if (legal != null && promised != null && promised > legal) {
                p.add(problem("promisedLimit", INCONSISTENT,
                        "承诺办结时限（" + g.promisedLimit().label() + "）长于法定办结时限（" + g.legalLimit().label() + "）",
                        "the promised limit is longer than the legal limit"));
            }
        }
        required(p, g.consultPhone(), "consultPhone", "咨询电话");
        phone(p, g.consultPhone(), "consultPhone", "咨询电话");
        phone(p, g.supervisePhone(), "supervisePhone", "监督电话");

        // codes
        codes(p, g);
        code(p, g.typeCode(), CodeSets.ITEM_TYPE, "typeCode", "事项类型代码", true);
        code(p, g.exerciseLevelCode(), CodeSets.EXERCISE_LEVEL, "exerciseLevelCode", "行使层级代码", true);
        code(p, g.implementingBodyNatureCode(), CodeSets.BODY_NATURE, "implementingBodyNatureCode", "实施主体性质代码", false);
        code(p, g.tongbanScopeCode(), CodeSets.TONGBAN_SCOPE, "tongbanScopeCode", "通办范围代码", false);
        code(p, g.systemLevelCode(), CodeSets.SYSTEM_LEVEL, "systemLevelCode", "运行系统层级", false);
        for (int i = 0; i < g.serviceObjectCodes().size(); i++) {
            code(p, g.serviceObjectCodes().get(i), CodeSets.SERVICE_OBJECT, "serviceObjectCodes[" + i + "]", "服务对象代码", true);
        }
        for (int i = 0; i < g.handlingFormCodes().size(); i++) {
            code(p, g.handlingFormCodes().get(i), CodeSets.HANDLING_FORM, "handlingFormCodes[" + i + "]", "办理形式代码", true);
        }
        if (g.divisionCode() == null || !g.divisionCode().matches("\\d{6}")) {
            p.add(problem("divisionCode", g.divisionCode() == null ? REQUIRED : MALFORMED,
                    "行政区划代码应为 6 位数字", "divisionCode must be six digits"));
        }
        if (Boolean.TRUE.equals(g.online()) && blank(g.onlineUrl())) {
            p.add(problem("onlineUrl", REQUIRED, "支持网上办理时须填写网办地址", "an online service needs its address"));
        }
        if (!blank(g.onlineUrl()) && !g.onlineUrl().matches("https?://\\S+")) {
            p.add(problem("onlineUrl", MALFORMED, "网办地址应以 http:// 或 https:// 开头", "onlineUrl must be an http(s) URL"));
        }
        return p;
    }

    private void codes(List<FieldProblem> p, GuideContent g) {
        var uscc = UnifiedSocialCreditCode.check(g.implementingBodyUscc());
        if (!uscc.valid()) {
            p.add(problem("implementingBodyUscc", blank(g.implementingBodyUscc()) ? REQUIRED : MALFORMED,
                    "实施主体统一社会信用代码不合法：" + uscc.errors().get(0).message().zh(),
                    "implementingBodyUscc is invalid: " + uscc.errors().get(0).message().en()));
        }
        if (blank(g.basicCode()) || !basicCode.matcher(g.basicCode()).matches()) {
            p.add(problem("basicCode", blank(g.basicCode()) ? REQUIRED : MALFORMED,
                    "基本编码应为大写字母或数字，长度 " + basicCodeLengths + " 位",
                    "basicCode must be capital letters or digits of length " + basicCodeLengths));
        }
        String ic = g.implementationCode();
        if (blank(ic)) {
            p.add(problem("implementationCode", REQUIRED, "缺少实施编码", "implementationCode is missing"));
            return;
        }
        String expected = nz(uscc.normalised()) + nz(g.exerciseLevelCode()) + nz(g.basicCode());
        if (!ic.equals(expected)) {
            p.add(problem("implementationCode", MALFORMED,
                    "实施编码应为实施主体代码 + 行使层级代码 + 基本编码：" + expected,
                    "implementationCode must be implementingBodyUscc + exerciseLevelCode + basicCode: " + expected));
        }
    }

    private static void fees(List<FieldProblem> p, GuideContent g) {
        if (g.charged() == null) {
            p.add(problem("charged", REQUIRED, "须写明是否收费（不收费也须明示）",
                    "charged must be stated (a free service says so explicitly)"));
            return;
        }
        if (g.charged() && g.fees().isEmpty()) {
            p.add(problem("fees", REQUIRED, "收费事项须列出收费项目、金额和收费依据",
                    "a charged service lists its fees with amounts and legal basis"));
        }
        if (!g.charged() && !g.fees().isEmpty()) {
            p.add(problem("fees", INCONSISTENT, "不收费事项不应列出收费项目", "a free service lists no fees"));
        }
        for (int i = 0; i < g.fees().size(); i++) {
            FeeItem f = g.fees().get(i);
            String at = "fees[" + i + "]";
            if (f == null) {
                p.add(problem(at, REQUIRED, "收费项目为空", "empty fee item"));
                continue;
            }
            required(p, f.name(), at + ".name", "收费项目名称");
            required(p, f.legalBasis(), at + ".legalBasis", "收费依据");
            BigDecimal a = f.amountYuan();
            if (a == null) {
                p.add(problem(at + ".amountYuan", REQUIRED, "缺少收费金额", "amountYuan is missing"));
            } else if (a.signum() < 0) {
                p.add(problem(at + ".amountYuan", MALFORMED, "收费金额不能为负数", "amountYuan must not be negative"));
            } else if (a.stripTrailingZeros().scale() > 2) {
                p.add(problem(at + ".amountYuan", MALFORMED, "收费金额精确到分（两位小数）",
                        "amountYuan has at most two decimals"));
            }
        }
    }

    private static void material(List<FieldProblem> p, Material m, String at) {
        if (m == null) {
            p.add(problem(at, REQUIRED, "申请材料为空", "empty material"));
            return;
        }
        required(p, m.name(), at + ".name", "材料名称");
        if (m.originals() != null && (m.originals() < 0 || m.originals() > 99)) {
            p.add(problem(at + ".originals", MALFORMED, "原件份数应在 0–99 之间", "originals must be 0–99"));
        }
        if (m.copies() != null && (m.copies() < 0 || m.copies() > 99)) {
            p.add(problem(at + ".copies", MALFORMED, "复印件份数应在 0–99 之间", "copies must be 0–99"));
        }
        if (m.required() == null) {
            p.add(problem(at + ".required", REQUIRED, "须写明是否必备材料", "required must be stated"));
        }
    }

    private static void limit(List<FieldProblem> p, TimeLimit t, String field, String label) {
        if (t == null) {
            return;
        }
        if (t.value() == null || t.value() < 0 || t.value() > 3650) {
            p.add(problem(field + ".value", MALFORMED, label + "应为 0–3650 之间的整数", field + ".value must be 0–3650"));
        }
        if (t.unit() == null || !TimeLimit.UNITS.containsKey(t.unit())) {
            p.add(problem(field + ".unit", CODE_UNKNOWN, label + "单位应为 WORKING_DAY、CALENDAR_DAY 或 HOUR",
                    field + ".unit must be WORKING_DAY, CALENDAR_DAY or HOUR"));
        }
    }

    private static void code(List<FieldProblem> p, String value, Map<String, String> set, String field, String label,
                             boolean required) {
        if (blank(value)) {
            if (required) {
                p.add(problem(field, REQUIRED, "缺少" + label, field + " is missing"));
            }
            return;
        }
        if (!set.containsKey(value)) {
            p.add(problem(field, CODE_UNKNOWN, label + " '" + value + "' 不在代码集中（可用：" + String.join("、", set.keySet()) + "）",
                    field + " '" + value + "' is not in the code set (" + String.join(", ", set.keySet()) + ")"));
        }
    }

    private static void phone(List<FieldProblem> p, String value, String field, String label) {
        if (!blank(value) && !PHONE.matcher(value).matches()) {
            p.add(problem(field, MALFORMED, label + "格式不正确", field + " is not a phone number"));
        }
    }

    private static void required(List<FieldProblem> p, String value, String field, String label) {
        if (blank(value)) {
            p.add(problem(field, REQUIRED, "缺少" + label, field + " is missing"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static FieldProblem problem(String field, String code, String zh, String en) {
        return new FieldProblem(field, code, Text.of(zh, en));
    }
}
