package io.govhub.gateway.security;

import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Set;

/**
 * The embedded mode's demo accounts, all with the password {@value #PASSWORD}. They exist for trying govhub out and
 * for tests; they are created only when {@code govhub.security.demo-accounts} allows it (by default: when the
 * database is the embedded one) and are disabled otherwise.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "demo123";
    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);

    static final String CITY = "371300";
    static final String APPROVAL_BUREAU = "11371300MB28500257";   // 临沂市行政审批服务局
    static final String MARKET_REGULATION = "11371300MB28500332"; // 临沂市市场监督管理局
    static final String LANSHAN_BUREAU = "11371302MB28601000";    // 兰山区行政审批服务局
    static final String FEIXIAN_BUREAU = "11371325MB2860178A";    // 费县行政审批服务局

    /** The accounts, in the order the README and the start-up line name them. */
    public static final List<Actor> ACCOUNTS = List.of(
            new Actor("admin", "系统管理员", Set.of(Role.ADMIN), CITY, null),
            new Actor("supervisor", "市督查员", Set.of(Role.SUPERVISOR), CITY, null),
            new Actor("guide-editor", "指南编辑（市行政审批服务局）", Set.of(Role.GUIDE_EDITOR), CITY, APPROVAL_BUREAU),
            new Actor("guide-reviewer", "指南审核（市行政审批服务局）", Set.of(Role.GUIDE_REVIEWER), CITY, APPROVAL_BUREAU),
            new Actor("credit-officer", "信用信息报送员（市市场监督管理局）", Set.of(Role.CREDIT_OFFICER), CITY,
                    MARKET_REGULATION),
            new Actor("clerk-lanshan", "兰山区窗口人员", Set.of(Role.HALL_CLERK), "371302", LANSHAN_BUREAU),
            new Actor("clerk-feixian", "费县窗口人员", Set.of(Role.HALL_CLERK), "371325", FEIXIAN_BUREAU),
            new Actor("applicant", "张三（演示申请人）", Set.of(Role.APPLICANT), null, null),
            // the partner-system SIMULATORS of the demo push status messages with these accounts
            new Actor("sim-sd-province", "山东省政务服务平台（模拟器）", Set.of(Role.PARTNER_SYSTEM), "370000", null),
            new Actor("sim-ly-lanshan", "兰山区政务服务系统（模拟器）", Set.of(Role.PARTNER_SYSTEM), "371302", null),
            new Actor("sim-ly-feixian", "费县政务服务系统（模拟器）", Set.of(Role.PARTNER_SYSTEM), "371325", null),
            new Actor("sim-ly-market", "临沂市市场监督管理局业务系统（模拟器）", Set.of(Role.PARTNER_SYSTEM), CITY,
                    MARKET_REGULATION));

    private DemoAccounts() {
    }

    public static List<String> usernames() {
        return ACCOUNTS.stream().map(Actor::username).toList();
    }

    /** Creates the missing demo accounts and enables or disables all of them. */
    public static void apply(LocalAccountStore store, PasswordEncoder encoder, boolean enabled) {
        if (enabled) {
            int created = 0;
            for (Actor a : ACCOUNTS) {
                if (!store.exists(a.username())) {
                    store.create(a, encoder.encode(PASSWORD), true);
                    created++;
                }
            }
            if (created > 0) {
                LOG.info("Created {} demo accounts", created);
            }
        }
        int changed = store.setDemoAccountsEnabled(enabled);
        if (changed > 0) {
            LOG.info("{} {} demo accounts", enabled ? "Enabled" : "Disabled", changed);
        }
    }
}
