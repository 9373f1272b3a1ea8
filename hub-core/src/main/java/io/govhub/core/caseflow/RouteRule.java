package io.govhub.core.caseflow;

/**
 * One line of the routing table: items whose code matches {@code codePattern}, applied for in {@code divisionCode}
 * (or a division below it, when no nearer rule matches), are handled by {@code partnerId}.
 *
 * @param codePattern          an implementation code (实施编码) or basic code (基本编码), exact, or a prefix ending in
 *                             {@code *}; {@code *} alone matches every item
 * @param timeLimitWorkingDays the promised time limit to use when the guide catalog does not have the item (null:
 *                             the default)
 */
public record RouteRule(Long id, String codePattern, String divisionCode, String partnerId,
                        Integer timeLimitWorkingDays) {

    /**
     * Checks a rule as an administrator writes it; every problem with its field. Throws
     * {@link io.govhub.core.shared.ErrorCode#PARTNER_INVALID} when there is one.
     */
    public static RouteRule checked(String pattern, String divisionCode, String partnerId, Integer timeLimitWorkingDays,
                                    java.util.function.Predicate<String> divisionKnown,
                                    java.util.function.Predicate<String> partnerKnown) {
        java.util.List<io.govhub.core.shared.FieldProblem> p = new java.util.ArrayList<>();
        String pat = pattern == null ? null : pattern.strip();
        if (pat == null || !pat.matches("\\*|[0-9A-Z]{1,60}\\*?")) {
            p.add(problem("pattern", "模式应为编码、以 * 结尾的编码前缀或 *", "pattern is a code, a code prefix ending in *, or *"));
        }
        if (divisionCode == null || !divisionKnown.test(divisionCode)) {
            p.add(problem("division", "行政区划代码不存在", "unknown division"));
        }
        if (partnerId == null || !partnerKnown.test(partnerId)) {
            p.add(problem("partner", "对接系统不存在", "unknown partner system"));
        }
        if (timeLimitWorkingDays != null && (timeLimitWorkingDays < 0 || timeLimitWorkingDays > 365)) {
            p.add(problem("timeLimitWorkingDays", "时限应在 0–365 个工作日", "timeLimitWorkingDays must be 0–365"));
        }
        if (!p.isEmpty()) {
            throw new io.govhub.core.shared.GovhubException(io.govhub.core.shared.ErrorCode.PARTNER_INVALID,
                    io.govhub.core.shared.ErrorCode.PARTNER_INVALID.title(), p);
        }
        return new RouteRule(null, pat, divisionCode, partnerId, timeLimitWorkingDays);
    }

    private static io.govhub.core.shared.FieldProblem problem(String field, String zh, String en) {
        return new io.govhub.core.shared.FieldProblem(field, "PARTNER_FIELD_INVALID", io.govhub.core.shared.Text.of(zh, en));
    }

    /** The length of the fixed part: longer is more specific. -1 when the pattern does not match. */
    public int specificity(String implementationCode, String basicCode) {
        if (codePattern.endsWith("*")) {
            String prefix = codePattern.substring(0, codePattern.length() - 1);
            boolean match = implementationCode.startsWith(prefix) || (basicCode != null && basicCode.startsWith(prefix));
            return match ? prefix.length() : -1;
        }
        boolean match = codePattern.equals(implementationCode) || codePattern.equals(basicCode);
        // an exact code outranks any prefix of the same length
        return match ? codePattern.length() + 1000 : -1;
    }
}
