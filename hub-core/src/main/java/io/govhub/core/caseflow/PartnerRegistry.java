package io.govhub.core.caseflow;

import java.util.List;
import java.util.Optional;

/** Port: the registry of partner systems and the routing table (shared by all nodes: read from the database). */
public interface PartnerRegistry {

    List<PartnerSystem> partners();

    Optional<PartnerSystem> partner(String id);

    /** Inserts or updates; {@code expectedVersion} null for an insert-if-absent. */
    void save(PartnerSystem p, Integer expectedVersion, String by);

    /** Inserts {@code p} only when no partner with its id exists; true when it did. */
    boolean insertIfAbsent(PartnerSystem p, String by);

    List<RouteRule> rules();

    RouteRule saveRule(RouteRule r, String by);

    boolean deleteRule(long id);
}
