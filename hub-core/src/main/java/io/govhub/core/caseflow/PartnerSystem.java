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
}
