package io.govhub.gateway.credit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Decisions for the credit tests, in the national field layout. */
public final class CreditFixtures {

    /** 临沂市市场监督管理局 (the demo credit officer's organisation). */
    public static final String MARKET = "11371300MB28500332";

    private CreditFixtures() {
    }

    /** The latest day {@code workingDays} working days before {@code day} on the official calendar. */
    public static java.time.LocalDate workingDaysBefore(io.govhub.core.calendar.CalendarService calendar,
                                                        java.time.LocalDate day, int workingDays) {
        java.time.LocalDate d = day.minusDays(1);
        while (calendar.workingDaysBetween(d, day) < workingDays) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** A valid fine on a company by 临沂市市场监督管理局. */
    public static Map<String, String> companyPenalty(String documentNumber, String fineWanYuan, String decisionDate) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CF_XDR_MC", "临沂某某食品有限公司");
        m.put("CF_XDR_LB", "法人及非法人组织");
        m.put("CF_XDR_SHXYM", "91350100M000100Y43");
        m.put("CF_FRDB", "赵六");
        m.put("CF_WSH", documentNumber);
        m.put("CF_WFXW", "生产经营超过保质期的食品");
        m.put("CF_SY", "经查，当事人经营超过保质期的食品");
        m.put("CF_YJ", "《中华人民共和国食品安全法》第一百二十四条");
        m.put("CF_CFLB", "罚款");
        m.put("CF_NR", "罚款");
        m.put("CF_NR_FK", fineWanYuan);
        m.put("CF_JDRQ", decisionDate);
        m.put("CF_CFJG", "临沂市市场监督管理局");
        m.put("CF_CFJGDM", MARKET);
        m.put("CF_SJLY", "临沂市市场监督管理局");
        m.put("CF_SJLYDM", MARKET);
        return m;
    }
}
