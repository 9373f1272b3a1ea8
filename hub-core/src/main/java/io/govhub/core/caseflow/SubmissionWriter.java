package io.govhub.core.caseflow;

import io.govhub.core.audit.MessageLog;

import java.util.List;
import java.util.OptionalLong;

/**
 * Port: writes a new submission (申请) in one go — the idempotency key's claim, the case (办件), its materials
 * attached, its dispatch queued in the outbox and the message recorded in the message log — all of it or nothing, in
 * one round trip to the database instead of one per row. It covers only the common case: when anything stands in the
 * way (the key already claimed, the case number taken, a material no longer there to attach) it writes nothing and
 * says so, and the caller takes the general way, which handles each of those ({@link CaseService#submit}).
 */
public interface SubmissionWriter {

    /**
     * Writes and commits everything; returns the outbox id of the dispatch. Empty when something stood in the way:
     * then nothing was written. Called outside any transaction (it commits on its own).
     *
     * @param materialRefs the materials to attach, each uploaded by {@code c.submittedBy()} and not yet attached
     */
    OptionalLong writeNew(HubCase c, String idempotencyKey, String requestHash, List<String> materialRefs,
                          String dispatchKind, String dispatchPayload, MessageLog.Message message);
}
