package io.govhub.core.credit;

import io.govhub.core.identity.IdentifierCheck;
import io.govhub.core.identity.OrganisationCode;
import io.govhub.core.identity.ResidentIdNumber;
import io.govhub.core.identity.UnifiedSocialCreditCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.Text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads one permit or penalty record in the national field layout (the same codes in JSON, CSV and XLSX) and checks
 * it, reporting every problem with its field: required fields per type and subject category; USCC, organisation code
 * and resident ID check sums; a deciding authority the hub knows; real, ordered dates, the decision not in the future;
 * amounts non-negative, in 万元, kept exactly to six decimals; values of the code sets.
 */
public final class CreditRecordParser {

    public static final String REQUIRED = "CREDIT_FIELD_REQUIRED";
    public static final String MALFORMED = "CREDIT_FIELD_MALFORMED";
    public static final String CODE_UNKNOWN = "CREDIT_CODE_UNKNOWN";
    public static final String INCONSISTENT = "CREDIT_FIELD_INCONSISTENT";
    public static final String UNKNOWN_AUTHORITY = "CREDIT_AUTHORITY_UNKNOWN";

    private static final Pattern SEPARATORS = Pattern.compile("[；;，,、]");
    private static final List<DateTimeFormatter> DATE_FORMATS = java.util.stream.Stream.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.BASIC_ISO_DATE, DateTimeFormatter.ofPattern("uuuu/MM/dd"), DateTimeFormatter.ofPattern("uuuu.MM.dd"))
            .map(f -> f.withResolverStyle(java.time.format.ResolverStyle.STRICT)).toList();

    /** The result: the record when there is no problem. */
    public record Parsed(CreditRecord record, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private CreditRecordParser() {
    }

    /**
     * @param raw            field code → value as submitted (unknown codes are kept but not checked)
     * @param today          the date "in the future" is measured from
     * @param knownAuthority whether a USCC is an organisation the hub knows
     */
    public static Parsed parse(RecordType type, Map<String, String> raw, LocalDate today, Predicate<String> knownAuthority) {
        Map<String, String> f = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (k != null && v != null && !v.isBlank()) {
                f.put(k.strip().toUpperCase(Locale.ROOT), v.strip());
            }
        });
        List<FieldProblem> p = new ArrayList<>();
        String subject = type.field("XDR_LB");
        String category = f.get(subject);
        required(p, f, type.field("XDR_MC"), "行政相对人名称");
        required(p, f, subject, "行政相对人类别");
        if (category != null && !CreditCodeSets.SUBJECT_CATEGORIES.contains(category)) {
            p.add(problem(subject, CODE_UNKNOWN, "行政相对人类别应为 " + String.join("、", CreditCodeSets.SUBJECT_CATEGORIES),
                    "subject category must be one of " + String.join(", ", CreditCodeSets.SUBJECT_CATEGORIES)));
        }
        boolean natural = CreditCodeSets.NATURAL_PERSON.equals(category);
        if (natural) {
            required(p, f, type.field("XDR_ZJLX"), "证件类型");
            required(p, f, type.field("XDR_ZJHM"), "证件号码");
        } else if (category != null) {
            required(p, f, type.field("XDR_SHXYM"), "统一社会信用代码");
            if (CreditCodeSets.LEGAL_PERSON.equals(category)) {
                required(p, f, type == RecordType.PERMIT ? "XK_FRDB" : "CF_FRDB", "法定代表人");
            }
        }
        uscc(p, f, type.field("XDR_SHXYM"), "统一社会信用代码");
        orgCode(p, f, type.field("XDR_ZZJG"));
        idNumber(p, f, type.field("XDR_ZJLX"), type.field("XDR_ZJHM"));
        idNumber(p, f, type.field("FR_ZJLX"), type == RecordType.PERMIT ? "XK_FR_ZJHM" : "CF_FR_SFZH");

        String authorityField = type == RecordType.PERMIT ? "XK_XKJGDM" : "CF_CFJGDM";
        String sourceField = type == RecordType.PERMIT ? "XK_LYDWDM" : "CF_SJLYDM";
        required(p, f, type == RecordType.PERMIT ? "XK_XKJG" : "CF_CFJG", type == RecordType.PERMIT ? "许可机关" : "处罚机关");
        required(p, f, authorityField, "决定机关统一社会信用代码");
        required(p, f, type == RecordType.PERMIT ? "XK_LYDW" : "CF_SJLY", "数据来源单位");
        required(p, f, sourceField, "数据来源单位统一社会信用代码");
        boolean authorityValid = uscc(p, f, authorityField, "决定机关统一社会信用代码");
        uscc(p, f, sourceField, "数据来源单位统一社会信用代码");
        if (authorityValid && f.containsKey(authorityField) && !knownAuthority.test(f.get(authorityField))) {
            p.add(problem(authorityField, UNKNOWN_AUTHORITY, "决定机关 " + f.get(authorityField) + " 不是本平台登记的机关",
                    "the deciding authority " + f.get(authorityField) + " is not an organisation the hub knows"));
        }

        String docField = type.field("WSH");
        required(p, f, docField, "决定文书号");
        String dateField = type.field("JDRQ");
        required(p, f, dateField, "决定日期");
        LocalDate decision = date(p, f, dateField);
        if (decision != null && decision.isAfter(today)) {
            p.add(problem(dateField, INCONSISTENT, "决定日期 " + decision + " 晚于今天", "the decision date " + decision
                    + " lies in the future"));
        }

        LocalDate validFrom = null;
        LocalDate validTo = null;
        List<String> categories = List.of();
        BigDecimal fine = null;
        BigDecimal confiscated = null;
        if (type == RecordType.PERMIT) {
            required(p, f, "XK_XKWS", "许可决定文书名称");
            required(p, f, "XK_XKLB", "许可类别");
            required(p, f, "XK_NR", "许可内容");
            required(p, f, "XK_YXQZ", "有效期自");
            code(p, f, "XK_XKLB", CreditCodeSets.PERMIT_CATEGORIES, "许可类别");
            code(p, f, "XK_ZT", CreditCodeSets.PERMIT_STATES, "当前状态");
            validFrom = date(p, f, "XK_YXQZ");
            validTo = date(p, f, "XK_YXQZI");
            if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
                p.add(problem("XK_YXQZI", INCONSISTENT, "有效期至 " + validTo + " 早于有效期自 " + validFrom,
                        "valid-to " + validTo + " is before valid-from " + validFrom));
            }
            if (decision != null && validFrom != null && validFrom.isBefore(decision)) {
                p.add(problem("XK_YXQZ", INCONSISTENT, "有效期自 " + validFrom + " 早于许可决定日期 " + decision,
                        "valid-from " + validFrom + " is before the decision date " + decision));
            }
        } else {
            required(p, f, "CF_WFXW", "违法行为类型");
            required(p, f, "CF_SY", "违法事实");
            required(p, f, "CF_YJ", "处罚依据");
            required(p, f, "CF_CFLB", "处罚类别");
            required(p, f, "CF_NR", "处罚内容");
            categories = f.containsKey("CF_CFLB") ? Arrays.stream(SEPARATORS.split(f.get("CF_CFLB")))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList() : List.of();
            for (String c : categories) {
                if (!CreditCodeSets.PENALTY_CATEGORIES.contains(c)) {
                    p.add(problem("CF_CFLB", CODE_UNKNOWN, "处罚类别“" + c + "”不在《行政处罚法》第九条所列种类中",
                            "penalty category '" + c + "' is not one of the Administrative Penalty Law art. 9"));
                }
            }
            fine = amount(p, f, "CF_NR_FK", "罚款金额");
            confiscated = amount(p, f, "CF_NR_WFFF", "没收违法所得、没收非法财物的金额");
            if (categories.contains("罚款") && fine == null && !p.stream().anyMatch(x -> x.field().equals("CF_NR_FK"))) {
                p.add(problem("CF_NR_FK", REQUIRED, "处罚类别含罚款，须填写罚款金额（万元）",
                        "a fine needs its amount (10,000 yuan units)"));
            }
            validTo = date(p, f, "CF_YXQ");
            LocalDate until = date(p, f, "CF_GSJZQ");
            if (decision != null && until != null && until.isBefore(decision)) {
                p.add(problem("CF_GSJZQ", INCONSISTENT, "公示截止期 " + until + " 早于处罚决定日期 " + decision,
                        "the end of publicity " + until + " is before the decision date " + decision));
            }
        }
        if (!p.isEmpty()) {
            return new Parsed(null, p);
        }
        if (fine != null) {
            f.put("CF_NR_FK", fine.toPlainString());
        }
        if (confiscated != null) {
            f.put("CF_NR_WFFF", confiscated.toPlainString());
        }
        normaliseDates(f, type);
        return new Parsed(new CreditRecord(type, f, f.get(authorityField), f.get(docField), decision, validFrom, validTo,
                natural, categories, fine, confiscated), List.of());
    }

    private static void normaliseDates(Map<String, String> f, RecordType type) {
        List<String> dates = type == RecordType.PERMIT ? List.of("XK_JDRQ", "XK_YXQZ", "XK_YXQZI")
                : List.of("CF_JDRQ", "CF_YXQ", "CF_GSJZQ");
        for (String d : dates) {
            if (f.containsKey(d)) {
                f.put(d, parseDate(f.get(d)).toString());
            }
        }
        for (String code : List.of(type.field("XDR_SHXYM"), type.field("XDR_ZZJG"), type.field("XDR_ZJHM"),
                type == RecordType.PERMIT ? "XK_XKJGDM" : "CF_CFJGDM", type == RecordType.PERMIT ? "XK_LYDWDM" : "CF_SJLYDM")) {
            f.computeIfPresent(code, (k, v) -> io.govhub.core.identity.Identifiers.normalise(v));
        }
    }

    private static void required(List<FieldProblem> p, Map<String, String> f, String field, String label) {
        if (!f.containsKey(field)) {
            p.add(problem(field, REQUIRED, "缺少" + label + "（" + field + "）", field + " is missing"));
        }
    }

    private static boolean uscc(List<FieldProblem> p, Map<String, String> f, String field, String label) {
        if (!f.containsKey(field)) {
            return false;
        }
        IdentifierCheck c = UnifiedSocialCreditCode.check(f.get(field));
        if (!c.valid()) {
            p.add(problem(field, MALFORMED, label + "不合法：" + c.errors().get(0).message().zh(),
                    field + " is invalid: " + c.errors().get(0).message().en()));
        }
        return c.valid();
    }

    private static void orgCode(List<FieldProblem> p, Map<String, String> f, String field) {
        if (!f.containsKey(field)) {
            return;
        }
        IdentifierCheck c = OrganisationCode.check(f.get(field));
        if (!c.valid()) {
            p.add(problem(field, MALFORMED, "组织机构代码不合法：" + c.errors().get(0).message().zh(),
                    field + " is invalid: " + c.errors().get(0).message().en()));
        }
    }

    /** A resident ID number is checked when the certificate type says it is one (or is not given). */
    private static void idNumber(List<FieldProblem> p, Map<String, String> f, String typeField, String numberField) {
        if (!f.containsKey(numberField)) {
            return;
        }
        String t = f.get(typeField);
        if (t != null && !CreditCodeSets.RESIDENT_ID_TYPES.contains(t)) {
            return;
        }
        IdentifierCheck c = ResidentIdNumber.check(f.get(numberField));
        if (!c.valid()) {
            // the message names the rule, never the number: it may reach logs and reports
            p.add(problem(numberField, MALFORMED, "身份证号码不合法：" + c.errors().get(0).code(),
                    numberField + " is not a valid resident ID number: " + c.errors().get(0).code()));
        }
    }

    private static void code(List<FieldProblem> p, Map<String, String> f, String field, List<String> set, String label) {
        if (f.containsKey(field) && !set.contains(f.get(field))) {
            p.add(problem(field, CODE_UNKNOWN, label + "应为 " + String.join("、", set),
                    field + " must be one of " + String.join(", ", set)));
        }
    }

    private static LocalDate date(List<FieldProblem> p, Map<String, String> f, String field) {
        if (!f.containsKey(field)) {
            return null;
        }
        LocalDate d = parseDate(f.get(field));
        if (d == null) {
            p.add(problem(field, MALFORMED, "日期“" + f.get(field) + "”不存在或格式不对（应为 2024-09-27 或 20240927）",
                    field + " '" + f.get(field) + "' is not a real date (2024-09-27 or 20240927)"));
        }
        return d;
    }

    static LocalDate parseDate(String s) {
        String v = s.strip();
        if (isoShape(v)) { // the usual form, read without a formatter (the formatters below would read it the same)
            try {
                return LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 5, 7, 10),
                        Integer.parseInt(v, 8, 10, 10));
            } catch (java.time.DateTimeException e) {
                return null; // 2024-02-30: no other format reads a date with dashes
            }
        }
        for (DateTimeFormatter fmt : DATE_FORMATS) {
            try {
                return LocalDate.parse(v, fmt);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        return null;
    }

    /** {@code dddd-dd-dd}, ASCII digits. */
    private static boolean isoShape(String v) {
        if (v.length() != 10 || v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = v.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    /** An amount in 万元: not negative, kept exactly to six decimals (more decimals are an error, not rounded). */
    private static BigDecimal amount(List<FieldProblem> p, Map<String, String> f, String field, String label) {
        if (!f.containsKey(field)) {
            return null;
        }
        String v = f.get(field).replace(",", "").replace("万元", "").strip();
        try {
            BigDecimal a = new BigDecimal(v);
            if (a.signum() < 0) {
                p.add(problem(field, MALFORMED, label + "不能为负数", field + " must not be negative"));
                return null;
            }
            if (a.stripTrailingZeros().scale() > 6) {
                p.add(problem(field, MALFORMED, label + "以万元计，最多 6 位小数（即精确到分）",
                        field + " is in 10,000 yuan with at most six decimals (one fen)"));
                return null;
            }
            return a.setScale(6, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            p.add(problem(field, MALFORMED, label + "“" + f.get(field) + "”不是数字", field + " is not a number"));
            return null;
        }
    }

    private static FieldProblem problem(String field, String code, String zh, String en) {
        return new FieldProblem(field, code, Text.of(zh, en));
    }
}
