package io.govhub.core.caseflow.persistence;

import io.govhub.core.audit.MessageLog;
import io.govhub.core.audit.persistence.JdbcMessageLog;
import io.govhub.core.caseflow.HubCase;
import io.govhub.core.caseflow.SubmissionWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A new submission as one PostgreSQL statement of data-modifying CTEs, each step gated on the one before: the
 * materials are locked and counted ({@code mat}); the key is claimed only if all of them are there ({@code k}; a
 * key claimed by a transaction still running waits for it, as {@link JdbcCaseStore#claimKey} does); the case is
 * inserted only if the key was claimed ({@code c}); the materials attached, the dispatch queued ({@code o}) and the
 * message recorded ({@code l}) only if the case was inserted. A statement is atomic on its own, so it needs no
 * transaction around it (no {@code BEGIN}, no separate {@code COMMIT}: one round trip, committed durably like any
 * other): when the key is claimed or a material missing it writes nothing; when the case number is taken the
 * case's insert fails with a unique violation and takes the whole statement back with it.
 */
public class JdbcSubmissionWriter implements SubmissionWriter {

    private static final String SQL = "with mat as (select ref from case_material where ref = any (?) and uploaded_by = ?"
            + " and case_number is null for update),"
            + " k as (insert into case_idempotency (submitted_by, idem_key, request_hash, case_number)"
            + " select cast(? as varchar), cast(? as varchar), cast(? as char(64)), cast(? as varchar)"
            + " where (select count(*) from mat) = ? on conflict do nothing returning case_number),"
            + " c as (insert into hub_case (" + JdbcCaseStore.CASE_COLUMNS + ") select " + JdbcCaseStore.CASE_PLACEHOLDERS
            + " from k returning case_number),"
            + " a as (update case_material m set case_number = c.case_number from c where m.ref in (select ref from mat)),"
            + " o as (insert into delivery_outbox (kind, partner_id, ref, payload, status)"
            + " select cast(? as varchar), cast(? as varchar), c.case_number, cast(? as jsonb), 'PENDING' from c returning id),"
            + " l as (insert into message_log (" + JdbcMessageLog.COLUMNS + ") select " + JdbcMessageLog.PLACEHOLDERS
            + " from c)"
            + " select (select id from o)";

    private final JdbcTemplate jdbc;
    private final JdbcMessageLog messageLog;

    public JdbcSubmissionWriter(JdbcTemplate jdbc, JdbcMessageLog messageLog) {
        this.jdbc = jdbc;
        this.messageLog = messageLog;
    }

    @Override
    public OptionalLong writeNew(HubCase c, String idempotencyKey, String requestHash, List<String> materialRefs,
                                 String dispatchKind, String dispatchPayload, MessageLog.Message message) {
        UUID[] refs;
        try {
            refs = materialRefs.stream().map(UUID::fromString).toArray(UUID[]::new);
        } catch (IllegalArgumentException notAUuid) {
            return OptionalLong.empty(); // an unknown reference: the general way reports it
        }
        List<Object> args = new ArrayList<>();
        args.add(refs);
        args.add(c.submittedBy());
        args.addAll(List.of(c.submittedBy(), idempotencyKey, requestHash, c.caseNumber(), refs.length));
        args.addAll(Arrays.asList(JdbcCaseStore.caseValues(c)));
        args.addAll(Arrays.asList(dispatchKind, c.partnerId(), dispatchPayload));
        args.addAll(Arrays.asList(messageLog.values(message)));
        Long outboxId;
        try {
            outboxId = jdbc.queryForObject(SQL, Long.class, args.toArray());
        } catch (DuplicateKeyException caseNumberTaken) {
            return OptionalLong.empty(); // the only unique key the statement can violate: hub_case's
        }
        return outboxId == null ? OptionalLong.empty() : OptionalLong.of(outboxId);
    }
}
