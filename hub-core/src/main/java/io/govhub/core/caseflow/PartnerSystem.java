package io.govhub.core.caseflow;

import java.util.Set;

/**
 * A system the hub exchanges cases or records with (对接系统).
 *
 * @param id             stable id; also the account/client id the partner signs in with
 * @param name           display name
 * @param level          PROVINCE, CITY, COUNTY or DEPARTMENT
 * @param divisionCode   the division it serves
 * @param protocol       REST or SOAP
 * @param endpoint       base URL the hub delivers to
 * @param credentialsRef name of the secret the hub uses to call it (never the secret itself)
 * @param operations     DISPATCH, STATUS_PUSH, STATUS_POLL, CREDIT_FORWARD
 * @param statusMode     PUSH (it calls the hub back) or POLL (the hub asks)
 * @param logBodies      false: the message log keeps metadata only for this peer
 * @param enabled        false: the routing table skips it
 */
public record PartnerSystem(String id, String name, String level, String divisionCode, String protocol, String endpoint,
                            String credentialsRef, Set<String> operations, String statusMode, boolean logBodies,
                            boolean enabled, int version) {

    public static final Set<String> LEVELS = Set.of("PROVINCE", "CITY", "COUNTY", "DEPARTMENT");
    public static final Set<String> PROTOCOLS = Set.of("REST", "SOAP");
    public static final Set<String> OPERATIONS = Set.of("DISPATCH", "STATUS_PUSH", "STATUS_POLL", "CREDIT_FORWARD");

    public PartnerSystem {
        operations = Set.copyOf(operations);
    }

    /**
     * Checks a partner system as an administrator writes it; every problem with its field. Throws
     * {@link io.govhub.core.shared.ErrorCode#PARTNER_INVALID} when there is one.
     *
     * @param divisionKnown whether a division code exists
     */
    public static PartnerSystem checked(String id, String name, String level, String divisionCode, String protocol,
                                        String endpoint, String credentialsRef, Set<String> operations,
                                        String statusMode, Boolean logBodies, Boolean enabled, Integer version,
                                        java.util.function.Predicate<String> divisionKnown) {
        java.util.List<io.govhub.core.shared.FieldProblem> p = new java.util.ArrayList<>();
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            p.add(problem("id", "标识为 2–64 个小写字母、数字或连字符", "id is 2–64 lower-case letters, digits or hyphens"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            p.add(problem("name", "缺少名称（最多 200 字）", "name is missing or longer than 200"));
        }
        if (level == null || !LEVELS.contains(level)) {
            p.add(problem("level", "层级应为 " + LEVELS, "level must be one of " + LEVELS));
        }
        if (divisionCode == null || !divisionKnown.test(divisionCode)) {
            p.add(problem("division", "行政区划代码不存在", "unknown division"));
        }
        if (protocol == null || !PROTOCOLS.contains(protocol)) {
            p.add(problem("protocol", "协议应为 REST 或 SOAP", "protocol must be REST or SOAP"));
        }
        if (endpoint == null || !endpoint.strip().matches("https?://[^\\s]{1,480}")) {
            p.add(problem("endpoint", "地址应为 http(s) URL", "endpoint must be an http(s) URL"));
        }
        Set<String> ops = operations == null || operations.isEmpty() ? Set.of("DISPATCH") : operations;
        if (!OPERATIONS.containsAll(ops)) {
            p.add(problem("operations", "操作应取自 " + OPERATIONS, "operations must be from " + OPERATIONS));
        }
        String mode = statusMode == null || statusMode.isBlank() ? "PUSH" : statusMode;
        if (!Set.of("PUSH", "POLL").contains(mode)) {
            p.add(problem("statusMode", "状态方式应为 PUSH 或 POLL", "statusMode must be PUSH or POLL"));
        }
        if (!p.isEmpty()) {
            throw new io.govhub.core.shared.GovhubException(io.govhub.core.shared.ErrorCode.PARTNER_INVALID,
                    io.govhub.core.shared.ErrorCode.PARTNER_INVALID.title(), p);
        }
        return new PartnerSystem(id, name.strip(), level, divisionCode, protocol, endpoint.strip(), credentialsRef, ops,
                mode, logBodies == null || logBodies, enabled == null || enabled, version == null ? 1 : version);
    }

    private static io.govhub.core.shared.FieldProblem problem(String field, String zh, String en) {
        return new io.govhub.core.shared.FieldProblem(field, "PARTNER_FIELD_INVALID", io.govhub.core.shared.Text.of(zh, en));
    }
}
