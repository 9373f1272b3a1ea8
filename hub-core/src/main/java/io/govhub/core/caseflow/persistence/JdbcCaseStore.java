package io.govhub.core.caseflow.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.caseflow.Applicant;
import io.govhub.core.caseflow.CaseStatus;
import io.govhub.core.caseflow.CaseStep;
import io.govhub.core.caseflow.CaseStore;
import io.govhub.core.caseflow.HubCase;
import io.govhub.core.caseflow.StatusMessage;
import io.govhub.core.caseflow.StatusMessageType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cases in PostgreSQL ({@code hub_case}, {@code case_event}, {@code case_material}, {@code case_idempotency}). */
public class JdbcCaseStore implements CaseStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private final JdbcTemplate jdbc;

    public JdbcCaseStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serials come from one database sequence, {@value #SERIAL_BLOCK} at a time per node (one query per
     * {@value #SERIAL_BLOCK} cases instead of one per case): unique across nodes, not gapless (a node that stops
     * leaves the rest of its block unused), and across nodes not in submission order.
     */
    @Override
    public int nextSerial(String implementationCode, LocalDate day) {
        synchronized (serials) {
            if (serials.isEmpty()) {
                serials.addAll(jdbc.queryForList("select nextval('case_serial_seq') from generate_series(1, "
                        + SERIAL_BLOCK + ")", Long.class));
            }
            return (int) (serials.poll() % 1_000_000);
        }
    }

    private static final int SERIAL_BLOCK = 50;
    private final java.util.ArrayDeque<Long> serials = new java.util.ArrayDeque<>();

    @Override
    public Optional<IdempotentHit> findKey(String submittedBy, String key) {
        return jdbc.query("select case_number, request_hash from case_idempotency where submitted_by = ? and idem_key = ?",
                (rs, i) -> new IdempotentHit(rs.getString(1), rs.getString(2)), submittedBy, key).stream().findFirst();
    }

    @Override
    public Optional<IdempotentHit> claimKey(String submittedBy, String key, String requestHash, String caseNumber) {
        int inserted = jdbc.update("insert into case_idempotency (submitted_by, idem_key, request_hash, case_number)"
                + " values (?, ?, ?, ?) on conflict do nothing", submittedBy, key, requestHash, caseNumber);
        return inserted == 1 ? Optional.empty() : findKey(submittedBy, key);
    }

    @Override
    public boolean insert(HubCase c, String requestHash, String idempotencyKey) {
        return jdbc.update("insert into hub_case (" + CASE_COLUMNS + ") values (" + CASE_PLACEHOLDERS + ")"
                + " on conflict (case_number) do nothing", caseValues(c)) == 1;
    }

    /** The columns a new case fills, in the order of {@link #caseValues} and {@link #CASE_PLACEHOLDERS}. */
    static final String CASE_COLUMNS = "case_number, implementation_code, item_name, division_code, partner_id, status,"
            + " channel, applicant_name, applicant_id_type, applicant_id_number, applicant_phone, applicant_phone_last4,"
            + " applicant_masked, submitted_by, submitted_at, time_limit_working_days, promised_date";
    /** Typed placeholders for {@link #CASE_COLUMNS} (typed, so that they also serve in {@code insert … select}). */
    static final String CASE_PLACEHOLDERS = "cast(? as varchar), cast(? as varchar), cast(? as varchar),"
            + " cast(? as char(6)), cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as varchar),"
            + " cast(? as varchar), cast(? as varchar), cast(? as varchar), cast(? as char(4)), cast(? as jsonb),"
            + " cast(? as varchar), cast(? as timestamptz), cast(? as integer), cast(? as date)";

    static Object[] caseValues(HubCase c) {
        Applicant a = c.applicant();
        return new Object[]{c.caseNumber(), c.implementationCode(), c.itemName(), c.divisionCode(), c.partnerId(),
                c.status().name(), c.channel(), a.name(), a.idType(), a.idNumber(), a.phone(), a.phoneLast4(),
                json(a.masked()), c.submittedBy(), Timestamp.from(c.submittedAt()), c.timeLimitWorkingDays(),
                date(c.promisedDate())};
    }

    @Override
    public void rebindKey(String submittedBy, String key, String caseNumber) {
        jdbc.update("update case_idempotency set case_number = ? where submitted_by = ? and idem_key = ?", caseNumber,
                submittedBy, key);
    }

    private static final RowMapper<HubCase> CASE = JdbcCaseStore::mapCase;

    private static HubCase mapCase(ResultSet rs, int i) throws SQLException {
        return new HubCase(rs.getString("case_number"), rs.getString("implementation_code"), rs.getString("item_name"),
                rs.getString("division_code"), rs.getString("partner_id"), CaseStatus.valueOf(rs.getString("status")),
                rs.getString("channel"), new Applicant(rs.getString("applicant_name"), rs.getString("applicant_id_type"),
                rs.getString("applicant_id_number"), rs.getString("applicant_phone")), rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(), rs.getInt("time_limit_working_days"),
                localDate(rs.getDate("promised_date")), rs.getInt("paused_working_days"),
                localDate(rs.getDate("paused_since")), instant(rs.getTimestamp("accepted_at")),
                instant(rs.getTimestamp("completed_at")), map(rs.getString("result")), rs.getInt("last_sequence"),
                rs.getInt("version"));
    }

    @Override
    public Optional<HubCase> find(String caseNumber) {
        return jdbc.query("select * from hub_case where case_number = ?", CASE, caseNumber).stream().findFirst();
    }

    @Override
    public Optional<HubCase> lock(String caseNumber) {
        return jdbc.query("select * from hub_case where case_number = ? for update", CASE, caseNumber).stream().findFirst();
    }

    @Override
    public void update(HubCase c) {
        jdbc.update("update hub_case set status = ?, promised_date = ?, paused_working_days = ?, paused_since = ?,"
                        + " accepted_at = ?, completed_at = ?, result = cast(? as jsonb), last_sequence = ?,"
                        + " version = version + 1, updated_at = now() where case_number = ?",
                c.status().name(), date(c.promisedDate()), c.pausedWorkingDays(), date(c.pausedSince()),
                ts(c.acceptedAt()), ts(c.completedAt()), c.result() == null ? null : json(c.result()), c.lastSequence(),
                c.caseNumber());
    }

    /**
     * 已推送: the statement that follows a delivered dispatch ({@link io.govhub.core.caseflow.CaseService#DISPATCH}) in
     * the outbox's outcome statement: the cases named in {@code refs} (a relation with a column {@code ref}) that are
     * still 已提交 (SUBMITTED) move to DISPATCHED; a later state is kept. A row changed meanwhile is read again and its
     * status checked again (READ COMMITTED).
     */
    public static String dispatchedAfterDelivery(String refs) {
        return "update hub_case c set status = 'DISPATCHED', version = c.version + 1, updated_at = now() from " + refs
                + " r where c.case_number = r.ref and c.status = 'SUBMITTED'";
    }

    @Override
    public boolean insertMessage(String caseNumber, StatusMessage m, String bodyJson, String bodyHash, String state,
                                 String problem) {
        return jdbc.update("insert into case_event (case_number, sequence, event_id, type, body, body_hash, occurred_at,"
                        + " state, problem) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?) on conflict do nothing",
                caseNumber, m.sequence(), m.eventId(), m.type().name(), bodyJson, bodyHash, Timestamp.from(m.occurredAt()),
                state, problem) == 1;
    }

    @Override
    public Optional<String> messageHash(String caseNumber, int sequence) {
        return jdbc.queryForList("select body_hash from case_event where case_number = ? and sequence = ?", String.class,
                caseNumber, sequence).stream().findFirst();
    }

    @Override
    public void markMessage(String caseNumber, int sequence, String state, String problem) {
        jdbc.update("update case_event set state = ?, problem = ? where case_number = ? and sequence = ?", state,
                problem == null ? null : problem.length() > 300 ? problem.substring(0, 300) : problem, caseNumber, sequence);
    }

    @Override
    public List<StatusMessage> heldMessages(String caseNumber) {
        return jdbc.query("select event_id, sequence, type, occurred_at, body from case_event where case_number = ?"
                + " and state = 'HELD' order by sequence", (rs, i) -> new StatusMessage(rs.getString(1), rs.getInt(2),
                StatusMessageType.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), details(rs.getString(5))), caseNumber);
    }

    @Override
    public List<CaseStep> steps(String caseNumber) {
        return jdbc.query("select sequence, event_id, type, occurred_at, received_at, body, state, problem from case_event"
                        + " where case_number = ? order by sequence", (rs, i) -> new CaseStep(rs.getInt(1), rs.getString(2),
                        StatusMessageType.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), details(rs.getString(6)), rs.getString(7), rs.getString(8)),
                caseNumber);
    }

    @Override
    public List<HubCase> list(CaseQuery q) {
        StringBuilder sql = new StringBuilder("select * from hub_case where true");
        List<Object> args = new ArrayList<>();
        if (q.divisionCodes() != null) {
            sql.append(" and division_code = any (?)");
            args.add(q.divisionCodes().toArray(new String[0]));
        }
        if (q.submittedBy() != null) {
            sql.append(" and submitted_by = ?");
            args.add(q.submittedBy());
        }
        if (q.partnerId() != null) {
            sql.append(" and partner_id = ?");
            args.add(q.partnerId());
        }
        if (q.status() != null) {
            sql.append(" and status = ?");
            args.add(q.status().name());
        }
        sql.append(" order by submitted_at desc limit ?");
        args.add(q.limit());
        return jdbc.query(sql.toString(), CASE, args.toArray());
    }

    @Override
    public List<HubCase> openCasesOf(String partnerId, int limit) {
        return jdbc.query("select * from hub_case where partner_id = ? and status not in ('COMPLETED', 'REJECTED',"
                + " 'WITHDRAWN') order by submitted_at limit ?", CASE, partnerId, limit);
    }

    @Override
    public List<HubCase> forBoard(Instant from, Instant to, List<String> divisionCodes) {
        if (divisionCodes == null) {
            return jdbc.query("select * from hub_case where submitted_at >= ? and submitted_at < ? limit 200000", CASE,
                    Timestamp.from(from), Timestamp.from(to));
        }
        return jdbc.query("select * from hub_case where submitted_at >= ? and submitted_at < ? and division_code = any (?)"
                + " limit 200000", CASE, Timestamp.from(from), Timestamp.from(to), divisionCodes.toArray(new String[0]));
    }

    @Override
    public void attachMaterials(String caseNumber, List<String> refs) {
        for (String ref : refs) {
            jdbc.update("update case_material set case_number = ? where ref = ? and case_number is null", caseNumber,
                    UUID.fromString(ref));
        }
    }

    @Override
    public int deleteUnattachedMaterials(Instant before) {
        return jdbc.update("delete from case_material where case_number is null and uploaded_at < ?", Timestamp.from(before));
    }

    @Override
    public void insertMaterial(Material m, byte[] content) {
        jdbc.update("insert into case_material (ref, name, file_name, media_type, size_bytes, sha256, content, uploaded_by,"
                        + " scanned_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.fromString(m.ref()), m.name(), m.fileName(),
                m.mediaType(), (int) m.sizeBytes(), m.sha256(), content, m.uploadedBy(), m.scannedBy());
    }

    private static final RowMapper<Material> MATERIAL = (rs, i) -> new Material(rs.getString("ref"), rs.getString("name"),
            rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getString("uploaded_by"), rs.getString("scanned_by"));

    @Override
    public List<Material> materials(List<String> refs, String uploadedBy) {
        List<UUID> ids = new ArrayList<>();
        for (String r : refs) {
            try {
                ids.add(UUID.fromString(r));
            } catch (IllegalArgumentException notAUuid) {
                // an unknown reference: reported by the caller as missing
            }
        }
        return jdbc.query("select ref, name, file_name, media_type, size_bytes, sha256, uploaded_by, scanned_by from case_material"
                + " where ref = any (?) and uploaded_by = ? and case_number is null order by uploaded_at for update", MATERIAL,
                ids.toArray(new UUID[0]), uploadedBy); // locked: the clean-up of unattached uploads waits, then skips them
    }

    @Override
    public List<Material> materialsOf(String caseNumber) {
        return jdbc.query("select ref, name, file_name, media_type, size_bytes, sha256, uploaded_by, scanned_by from case_material"
                + " where case_number = ? order by uploaded_at", MATERIAL, caseNumber);
    }

    @Override
    public Optional<byte[]> materialContent(String caseNumber, String ref) {
        try {
            return jdbc.queryForList("select content from case_material where case_number = ? and ref = ?", byte[].class,
                    caseNumber, UUID.fromString(ref)).stream().findFirst();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> details(String json) {
        Map<String, Object> m = map(json);
        Object d = m == null ? null : m.get("details");
        @SuppressWarnings("unchecked")
        Map<String, Object> out = d instanceof Map<?, ?> dm ? (Map<String, Object>) dm : Map.of();
        return out;
    }

    private static Map<String, Object> map(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON in the database", e);
        }
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
