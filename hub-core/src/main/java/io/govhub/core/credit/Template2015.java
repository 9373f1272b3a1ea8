package io.govhub.core.credit;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The older 双公示 template (2015–2018, still exported by many departmental systems), read into the national field
 * layout so that one validation serves both. Columns are matched by their Chinese names, ignoring spaces and any
 * explanation in brackets (e.g. {@code 行政相对人代码_1(统一社会信用代码)}).
 *
 * <p>Provenance: ../shared/standards/README.md names the template's subject codes 代码_1…代码_5 (USCC, organisation
 * code, business registration number, tax registration number, resident ID) and its 公示期限 "1或3" (years). The other
 * column names are those of the 2015 templates as departments export them (行政许可决定书文号, 项目名称, 审批类别, 许可内容,
 * 行政相对人名称, 法定代表人姓名, 许可决定日期, 许可截止期, 许可机关, 当前状态, 地方编码, 数据更新时间戳, 备注; 行政处罚决定书文号,
 * 处罚名称, 处罚类别1, 处罚类别2, 处罚事由, 处罚依据, 处罚结果, 处罚决定日期, 处罚机关, 公示期限); they are not in the shared
 * standards folder, so the mapping below is ours and documented in the README.
 *
 * <p>What the old template lacks is derived: the subject category from the codes (a USCC starting 92 is a 个体工商户;
 * only a resident ID: a natural person; otherwise 法人及非法人组织), 有效期自 from the decision date, 公示截止期 from 公示期限,
 * and the deciding authority's and data source's USCC from the submitting organisation ({@code defaults}).
 */
public final class Template2015 {

    private static final Pattern BRACKETS = Pattern.compile("[(（][^)）]*[)）]|\\s+");
    private static final Pattern CODE_N = Pattern.compile("代码_?([1-5])");

    private static final Map<String, String> PERMIT = Map.ofEntries(
            Map.entry("行政许可决定书文号", "XK_WSH"),
            Map.entry("项目名称", "XK_XKWS"),
            Map.entry("审批类别", "XK_XKLB"),
            Map.entry("许可内容", "XK_NR"),
            Map.entry("行政相对人名称", "XK_XDR_MC"),
            Map.entry("法定代表人姓名", "XK_FRDB"),
            Map.entry("许可决定日期", "XK_JDRQ"),
            Map.entry("许可截止期", "XK_YXQZI"),
            Map.entry("许可机关", "XK_XKJG"),
            Map.entry("当前状态", "当前状态"),
            Map.entry("公示期限", "公示期限"),
            Map.entry("备注", "BZ"));

    private static final Map<String, String> PENALTY = Map.ofEntries(
            Map.entry("行政处罚决定书文号", "CF_WSH"),
            Map.entry("处罚名称", "CF_WFXW"),
            Map.entry("处罚类别1", "处罚类别1"),
            Map.entry("处罚类别2", "处罚类别2"),
            Map.entry("处罚事由", "CF_SY"),
            Map.entry("处罚依据", "CF_YJ"),
            Map.entry("行政相对人名称", "CF_XDR_MC"),
            Map.entry("法定代表人姓名", "CF_FRDB"),
            Map.entry("处罚结果", "CF_NR"),
            Map.entry("罚款金额", "CF_NR_FK"),
            Map.entry("没收违法所得、没收非法财物的金额", "CF_NR_WFFF"),
            Map.entry("处罚决定日期", "CF_JDRQ"),
            Map.entry("处罚机关", "CF_CFJG"),
            Map.entry("当前状态", "当前状态"),
            Map.entry("公示期限", "公示期限"),
            Map.entry("备注", "BZ"));

    private Template2015() {
    }

    /** Whether a header row is the 2015 template's: it names the subject codes 代码_1…代码_5. */
    public static boolean matches(List<String> header) {
        return header.stream().anyMatch(h -> h != null && CODE_N.matcher(h).find());
    }

    /** The record type of a 2015 header, from its document-number column; null when neither is there. */
    public static RecordType type(List<String> header) {
        List<String> names = header.stream().map(Template2015::normalise).toList();
        boolean permit = names.contains("行政许可决定书文号");
        boolean penalty = names.contains("行政处罚决定书文号");
        return permit == penalty ? null : permit ? RecordType.PERMIT : RecordType.PENALTY;
    }

    /** The template's column names as this class matches them: brackets and spaces removed. */
    static String normalise(String name) {
        return name == null ? "" : BRACKETS.matcher(name).replaceAll("");
    }

    /** The national field code (or an intermediate name) of each column; "" for columns with no counterpart. */
    public static List<String> columns(RecordType type, List<String> header) {
        Map<String, String> names = type == RecordType.PERMIT ? PERMIT : PENALTY;
        return header.stream().map(h -> {
            Matcher m = CODE_N.matcher(h == null ? "" : h);
            if (m.find()) {
                return "代码_" + m.group(1);
            }
            return names.getOrDefault(normalise(h), "");
        }).toList();
    }

    /**
     * One row, keyed by {@link #columns}, in the national layout.
     *
     * @param defaults national fields to fill when the row has none (the deciding authority's and the data source's
     *                 USCC and name, from the submitting organisation)
     */
    public static Map<String, String> toNational(RecordType type, Map<String, String> row, Map<String, String> defaults) {
        String p = type == RecordType.PERMIT ? "XK_" : "CF_";
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, String> codes = new HashMap<>();
        row.forEach((k, v) -> {
            String value = v == null ? "" : v.strip();
            if (k.startsWith("代码_")) {
                codes.put(k, value);
            } else if (k.startsWith("XK_") || k.startsWith("CF_") || k.equals("BZ")) {
                out.put(k, value);
            }
        });
        String uscc = codes.getOrDefault("代码_1", "");
        String resident = codes.getOrDefault("代码_5", "");
        boolean organisation = !uscc.isEmpty() || !codes.getOrDefault("代码_2", "").isEmpty()
                || !codes.getOrDefault("代码_3", "").isEmpty() || !codes.getOrDefault("代码_4", "").isEmpty();
        put(out, p + "XDR_SHXYM", uscc);
        put(out, p + "XDR_ZZJG", codes.getOrDefault("代码_2", ""));
        put(out, p + "XDR_GSZC", codes.getOrDefault("代码_3", ""));
        put(out, p + "XDR_SWDJ", codes.getOrDefault("代码_4", ""));
        if (organisation) {
            out.put(p + "XDR_LB", uscc.toUpperCase(Locale.ROOT).startsWith("92") ? CreditCodeSets.INDIVIDUAL_BUSINESS
                    : CreditCodeSets.LEGAL_PERSON);
        } else if (!resident.isEmpty()) {
            out.put(p + "XDR_LB", CreditCodeSets.NATURAL_PERSON);
            out.put(p + "XDR_ZJLX", "身份证");
            out.put(p + "XDR_ZJHM", resident);
        }
        if (type == RecordType.PERMIT) {
            if (!out.containsKey("XK_YXQZ") && out.containsKey("XK_JDRQ")) {
                out.put("XK_YXQZ", out.get("XK_JDRQ")); // the old template has no start of validity: the decision day
            }
            String state = row.getOrDefault("当前状态", "").strip();
            // 2015: 0 (or blank) 正常, 1 撤销, 2 异议, 3 其他; national: 1 有效, 2 无效
            put(out, "XK_ZT", state.isEmpty() || state.equals("0") ? "1" : state.equals("1") ? "2" : "");
        } else {
            String categories = String.join(";", java.util.stream.Stream.of(row.get("处罚类别1"), row.get("处罚类别2"))
                    .filter(c -> c != null && !c.isBlank()).map(String::strip).toList());
            put(out, "CF_CFLB", categories);
            if (!out.containsKey("CF_NR_FK") && out.containsKey("CF_NR")) {
                put(out, "CF_NR_FK", fineIn(out.get("CF_NR")));
            }
            String years = row.getOrDefault("公示期限", "").strip().replace("年", "");
            LocalDate decided = out.containsKey("CF_JDRQ") ? CreditRecordParser.parseDate(out.get("CF_JDRQ")) : null;
            if (decided != null && (years.equals("1") || years.equals("3"))) {
                out.put("CF_GSJZQ", decided.plusYears(Integer.parseInt(years)).toString());
            } else if (!years.isEmpty()) {
                out.put("CF_GSJZQ", "公示期限:" + years); // not 1 or 3 years: reported at the field as a malformed date
            }
        }
        defaults.forEach(out::putIfAbsent);
        return out;
    }

    private static final Pattern FINE = Pattern.compile("罚款(?:人民币)?\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(万元|元)");

    /**
     * The fine written in the old template's 处罚结果 (it has no amount column), in 万元: "罚款人民币5000元" → 0.5; null when
     * the text names no single amount (then the record is rejected for the missing CF_NR_FK, as in the national layout).
     */
    static String fineIn(String result) {
        List<java.util.regex.MatchResult> all = FINE.matcher(result).results().toList();
        if (all.size() != 1) {
            return null; // none, or several amounts: not guessed
        }
        java.math.BigDecimal amount = new java.math.BigDecimal(all.get(0).group(1));
        return (all.get(0).group(2).equals("元") ? amount.movePointLeft(4) : amount).stripTrailingZeros().toPlainString();
    }

    private static void put(Map<String, String> out, String field, String value) {
        if (value != null && !value.isEmpty()) {
            out.put(field, value);
        }
    }
}
