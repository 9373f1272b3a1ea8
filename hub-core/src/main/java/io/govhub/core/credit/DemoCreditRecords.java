package io.govhub.core.credit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo permit and penalty decisions for the embedded mode: realistic in shape (Linyi companies and individual
 * businesses, the city bureaus' usual permits and the market regulator's usual penalties), synthetic in substance.
 * Companies' codes are made up with valid check sums; the few natural persons carry ID numbers of division 371399,
 * which GB/T 2260 does not assign, so no demo number can be a real person's.
 */
public final class DemoCreditRecords {

    static final String APPROVAL_BUREAU = "11371300MB28500257";
    static final String MARKET = "11371300MB28500332";
    private static final String[] BRANDS = {"金鼎", "华宇", "鲁南", "沂蒙", "蒙山", "沂河", "琅琊", "兰陵", "祥和", "恒泰",
            "瑞丰", "嘉禾", "东升", "鑫源", "宏达", "顺通", "天元", "汇丰", "聚福", "明珠"};
    private static final String[] TRADES = {"商贸", "食品", "建材", "物流", "餐饮管理", "医药连锁", "农业科技", "五金机电",
            "电子商务", "服装"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"建国", "秀英", "志强", "丽娜", "海涛", "玉兰", "文博", "春梅"};
    private static final String[][] PERMITS = {
            {"食品经营许可", "食品经营许可证", "普通", "预包装食品销售、散装食品销售"},
            {"药品经营许可", "药品经营许可证", "普通", "中成药、化学药制剂、抗生素制剂"},
            {"建筑工程施工许可", "建筑工程施工许可证", "普通", "厂房及附属设施建设"},
            {"道路货物运输经营许可", "道路运输经营许可证", "普通", "道路普通货物运输"},
            {"公共场所卫生许可", "公共场所卫生许可证", "普通", "住宿、美容美发"}};
    private static final String[][] PENALTIES = {
            {"销售超过保质期的食品", "《中华人民共和国食品安全法》第一百二十四条", "警告；罚款", "0.5"},
            {"未按规定标示食品标签", "《中华人民共和国食品安全法》第一百二十五条", "罚款", "0.2"},
            {"发布虚假广告", "《中华人民共和国广告法》第五十五条", "罚款", "2"},
            {"销售不合格产品", "《中华人民共和国产品质量法》第四十九条", "没收违法所得；罚款", "1.2"},
            {"价格欺诈", "《中华人民共和国价格法》第四十条", "警告", null},
            {"特种设备未经定期检验继续使用", "《中华人民共和国特种设备安全法》第八十四条", "罚款", "3"}};

    private DemoCreditRecords() {
    }

    /** {@code count} permits and as many penalties, decided on weekdays of the five weeks before {@code today}. */
    public static Map<RecordType, List<Map<String, String>>> generate(int count, LocalDate today, long seed) {
        Random r = new Random(seed);
        List<Map<String, String>> permits = new ArrayList<>();
        List<Map<String, String>> penalties = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String company = "临沂" + BRANDS[r.nextInt(BRANDS.length)] + TRADES[r.nextInt(TRADES.length)] + "有限公司";
            String uscc = uscc(r);
            LocalDate decided = workingDayBefore(today, daysAgo(r));
            String[] p = PERMITS[r.nextInt(PERMITS.length)];
            Map<String, String> x = new LinkedHashMap<>();
            x.put("XK_XDR_MC", company);
            x.put("XK_XDR_LB", CreditCodeSets.LEGAL_PERSON);
            x.put("XK_XDR_SHXYM", uscc);
            x.put("XK_FRDB", name(r));
            x.put("XK_XKWS", p[0] + "决定书");
            x.put("XK_WSH", "临审批许〔" + decided.getYear() + "〕" + String.format("%05d", i + 1) + "号");
            x.put("XK_XKLB", p[2]);
            x.put("XK_XKZS", p[1]);
            x.put("XK_XKBH", "LY" + decided.getYear() + String.format("%06d", i + 1));
            x.put("XK_NR", p[3]);
            x.put("XK_JDRQ", decided.toString());
            x.put("XK_YXQZ", decided.toString());
            x.put("XK_YXQZI", decided.plusYears(5).minusDays(1).toString());
            x.put("XK_XKJG", "临沂市行政审批服务局");
            x.put("XK_XKJGDM", APPROVAL_BUREAU);
            x.put("XK_ZT", "1");
            x.put("XK_LYDW", "临沂市行政审批服务局");
            x.put("XK_LYDWDM", APPROVAL_BUREAU);
            permits.add(x);

            String[] v = PENALTIES[r.nextInt(PENALTIES.length)];
            Map<String, String> y = new LinkedHashMap<>();
            boolean person = r.nextInt(10) == 0;
            if (person) {
                y.put("CF_XDR_MC", name(r));
                y.put("CF_XDR_LB", CreditCodeSets.NATURAL_PERSON);
                y.put("CF_XDR_ZJLX", "身份证");
                y.put("CF_XDR_ZJHM", idNumber(r));
            } else {
                y.put("CF_XDR_MC", company);
                y.put("CF_XDR_LB", CreditCodeSets.LEGAL_PERSON);
                y.put("CF_XDR_SHXYM", uscc);
                y.put("CF_FRDB", x.get("XK_FRDB"));
            }
            LocalDate penalised = workingDayBefore(today, daysAgo(r));
            y.put("CF_WSH", "临市监罚〔" + penalised.getYear() + "〕" + String.format("%05d", i + 1) + "号");
            y.put("CF_WFXW", v[0]);
            y.put("CF_SY", "经查，当事人存在" + v[0] + "的违法行为。");
            y.put("CF_YJ", v[1]);
            y.put("CF_CFLB", v[2]);
            y.put("CF_NR", v[3] == null ? "警告" : v[2].replace("；", "并") + (v[3] == null ? "" : v[3] + "万元"));
            if (v[3] != null) {
                y.put("CF_NR_FK", v[3]);
            }
            y.put("CF_JDRQ", penalised.toString());
            y.put("CF_CFJG", "临沂市市场监督管理局");
            y.put("CF_CFJGDM", MARKET);
            y.put("CF_SJLY", "临沂市市场监督管理局");
            y.put("CF_SJLYDM", MARKET);
            penalties.add(y);
        }
        return Map.of(RecordType.PERMIT, permits, RecordType.PENALTY, penalties);
    }

    /** Most decisions are a few days old (published on time); about one in seven is older (published late). */
    private static int daysAgo(Random r) {
        return r.nextInt(100) < 85 ? 1 + r.nextInt(7) : 14 + r.nextInt(20);
    }

    private static LocalDate workingDayBefore(LocalDate today, int days) {
        LocalDate d = today.minusDays(days);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static String name(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
    }

    static String uscc(Random r) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder body = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) {
            body.append("0123456789ABCDEFGHJKLMNPQRTUWXY".charAt(r.nextInt(31)));
        }
        String org = body.toString() + checkOf(body);
        String first17 = "91371302" + org;
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(first17.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        return first17 + alphabet.charAt(c == 31 ? 0 : c);
    }

    private static char checkOf(CharSequence body) {
        int[] w = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char ch = body.charAt(i);
            sum += (ch <= '9' ? ch - '0' : ch - 'A' + 10) * w[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** An 18-character ID number of division 371399 (not assigned by GB/T 2260) with a valid check character. */
    static String idNumber(Random r) {
        String body = "371399" + (1950 + r.nextInt(50)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                + String.format("%03d", r.nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * w[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }
}
