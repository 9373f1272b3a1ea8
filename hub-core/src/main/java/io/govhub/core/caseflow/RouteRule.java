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
