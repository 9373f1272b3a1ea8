package io.govhub.core.audit;

import java.util.List;

/** Port: where audit events go. The product writes them to the database in the caller's transaction. */
public interface AuditPort {

    void record(AuditEvent event);

    /** The most recent events, newest first (for administrators). */
    List<RecordedAuditEvent> recent(int limit);

    record RecordedAuditEvent(long id, java.time.Instant at, AuditEvent event) {
    }

    /** Recomputes the hash chain over the whole log. */
    AuditChain.Verification verify();
}
