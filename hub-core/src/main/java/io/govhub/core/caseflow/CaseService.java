package io.govhub.core.caseflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.audit.MessageBodies;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.calendar.CalendarService;
import io.govhub.core.calendar.CalendarYearUnknownException;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.core.shared.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * The use cases of one-network case handling (一网通办): submit, route and queue for dispatch; apply the handling
 * system's status messages in order; withdraw; and the scoped views (the applicant's own cases, the county's queue, the
 * public status check, the supervisors' board).
 */
public class CaseService {

    public static final String REQUIRED = "CASE_FIELD_REQUIRED";
    public static final String MALFORMED = "CASE_FIELD_MALFORMED";
    public static final String CODE_UNKNOWN = "CASE_CODE_UNKNOWN";
    /** Cases with at most this many working days left are NEAR_LIMIT. */
    public static final int WARNING_WORKING_DAYS = 2;
    /** The time limit when neither the guide catalog nor the routing table gives one: 行政许可法 第四十二条, 20 working days. */
    public static final int DEFAULT_TIME_LIMIT = 20;
    public static final String DISPATCH = "CASE_DISPATCH";
    public static final String WITHDRAWAL = "CASE_WITHDRAWAL";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(CaseService.class);
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{19,60}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).build();

    /**
     * The answer to a submission: the case, whether it was there already (same Idempotency-Key), and for a new case
     * the materials it took (for a replayed one, empty: {@link #receipt} reads them).
     */
    public record Submitted(HubCase c, boolean replayed, List<CaseStore.Material> materials) {
    }

    /** What became of a status message: APPLIED, HELD, ILLEGAL or DUPLICATE, and the case afterwards. */
    public record StatusOutcome(String outcome, String problem, HubCase c) {
    }

    /** A case with its time-limit state and steps, as the views show it. */
    public record CaseView(HubCase c, TimeLimitState timeLimit, Integer workingDaysLeft, List<CaseStep> steps,
                           List<CaseStore.Material> materials) {
    }

    /** One row of the supervisors' board (办件监督). */
    public record BoardRow(String divisionCode, String partnerId, long total, long open, long completed,
                           long completedOnTime, long overdue, long nearLimit, Double averageWorkingDays) {
    }

    private final CaseStore store;
    private final PartnerRegistry registry;
    private final ItemCatalog catalog;
    private final DivisionDirectory divisions;
    private final CalendarService calendar;
    private final DeliveryOutbox outbox;
    private final MessageLog messageLog;
    private final AuditPort audit;
    private final Transactions tx;
    private final Clock clock;
    private volatile LongConsumer deliveryHint = id -> { };
    private volatile io.govhub.core.shared.RateLimiter limiter = (b, l, w) -> Optional.empty();
    private volatile MalwareScanner scanner;
    private volatile SubmissionWriter writer;
    private volatile int publicChecks = 10;
    private volatile java.time.Duration publicWindow = java.time.Duration.ofMinutes(10);

    /**
     * Limits the public status check to {@code checks} per {@code window} for one client and one case number, on all
     * nodes: with the phone's last four digits as the only secret, guessing them needs 10,000 tries.
     */
    public void limitPublicChecks(io.govhub.core.shared.RateLimiter limiter, int checks, java.time.Duration window) {
        this.limiter = limiter;
        this.publicChecks = checks;
        this.publicWindow = window;
    }

    /**
     * Scans every uploaded material with {@code scanner} before it is stored (none by default: materials are then
     * stored as not scanned, and shown so).
     */
    public void scanMaterialsWith(MalwareScanner scanner) {
        this.scanner = scanner;
    }

    public CaseService(CaseStore store, PartnerRegistry registry, ItemCatalog catalog, DivisionDirectory divisions,
                       CalendarService calendar, DeliveryOutbox outbox, MessageLog messageLog, AuditPort audit,
                       Transactions tx, Clock clock) {
        this.store = store;
        this.registry = registry;
        this.catalog = catalog;
        this.divisions = divisions;
        this.calendar = calendar;
        this.outbox = outbox;
        this.messageLog = messageLog;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Called with an outbox id after the transaction that wrote it commits, so a relay can send it at once. */
    public void onDeliveryQueued(LongConsumer hint) {
        this.deliveryHint = hint;
    }

    // ------------------------------------------------------------------------------------------------- submission

    /**
     * Writes new submissions through {@code writer}, one statement each, when nothing stands in the way (none by
     * default: every submission then takes the general way, a statement per row).
     */
    public void writeSubmissionsWith(SubmissionWriter writer) {
        this.writer = writer;
    }

    /**
     * The common case of a new submission in one statement: empty (nothing written) when the writer is not set, when
     * materials are missing, or when the key was already claimed, the case number taken or a material attached
     * meanwhile — each of which the general way handles (a replay, another serial, the missing materials reported).
     * Called outside any transaction.
     */
    private Optional<Submitted> writeInOneGo(HubCase c, Actor actor, String idempotencyKey, String requestHash,
                                             List<String> refs, String rawBody) {
        SubmissionWriter w = writer;
        if (w == null) {
            return Optional.empty();
        }
        // the materials' descriptions go into the dispatch; the statement checks they are still there to attach
        List<CaseStore.Material> materials = refs.isEmpty() ? List.of() : store.materials(refs, actor.username());
        if (materials.size() != refs.size()) {
            return Optional.empty();
        }
        // no transaction around it: the statement is atomic on its own, and committed when it returns
        java.util.OptionalLong outboxId = w.writeNew(c, idempotencyKey, requestHash, refs, DISPATCH,
                dispatchPayload(c, materials), new MessageLog.Message(actor.username(), MessageLog.Direction.IN,
                        "CASE_SUBMIT", idempotencyKey, c.caseNumber(), rawBody, true));
        if (outboxId.isEmpty()) {
            return Optional.empty();
        }
        deliveryHint.accept(outboxId.getAsLong());
        return Optional.of(new Submitted(c, false, materials));
    }

    public Submitted submit(Actor actor, String idempotencyKey, CaseSubmission s, String rawBody) {
        String channel = channelOf(actor);
        if (idempotencyKey == null || !KEY.matcher(idempotencyKey).matches()) {
            throw new GovhubException(ErrorCode.CASE_IDEMPOTENCY_KEY_MISSING, Text.of(
                    "需要 Idempotency-Key 请求头：1–200 个可见 ASCII 字符（建议 UUID）",
                    "An Idempotency-Key header of 1–200 visible ASCII characters is required (a UUID is best)"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        String code = s.implementationCode() == null ? null : s.implementationCode().strip().toUpperCase(java.util.Locale.ROOT);
        if (code == null || code.isEmpty()) {
            problems.add(problem("implementationCode", REQUIRED, "缺少实施编码", "implementationCode is missing"));
        } else if (!CODE.matcher(code).matches()) {
            problems.add(problem("implementationCode", MALFORMED, "实施编码应为 19–60 位数字或大写字母",
                    "implementationCode must be 19–60 digits or capital letters"));
        }
        String division = s.division() == null ? null : s.division().strip();
        if (division == null || division.isEmpty()) {
            problems.add(problem("division", REQUIRED, "缺少行政区划代码", "division is missing"));
        } else if (!Division.isWellFormed(division) || divisions.find(division).isEmpty()) {
            problems.add(problem("division", CODE_UNKNOWN, "行政区划代码不存在：" + division, "Unknown division " + division));
        }
        problems.addAll(Applicant.problems(s.applicantName(), s.idType(), s.idNumber(), s.phone()));
        if (s.materialRefs().size() > 20) {
            problems.add(problem("materials", MALFORMED, "材料最多 20 份", "At most 20 materials"));
        }
        if (!problems.isEmpty()) {
            throw new GovhubException(ErrorCode.CASE_INVALID, Text.of("申请有 " + problems.size() + " 处问题",
                    "The application has " + problems.size() + " problem(s)"), problems);
        }
        if (actor.has(Role.HALL_CLERK) && !within(division, actor.divisionCode())) {
            throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("窗口人员只能为本辖区（" + actor.divisionCode()
                    + "）受理申请", "A hall clerk accepts applications for their own division (" + actor.divisionCode() + ") only"));
        }
        Applicant applicant = Applicant.normalised(s.applicantName(), s.idType(), s.idNumber(), s.phone());
        List<String> refs = s.materialRefs().stream().map(String::strip).distinct().sorted().toList();
        String requestHash = MessageBodies.sha256(String.join("\n", code, division, applicant.name(),
                applicant.idType(), applicant.idNumber(), applicant.phone(), String.join(",", refs)));

        // a replay (the same key again) is found by the key's claim in the transaction below: looking for the key
        // first would cost every new submission a query; only when routing fails is the key looked at first, so that
        // a replay still returns its case after its route has gone
        Routing.Route route;
        try {
            route = Routing.resolve(registry.rules(), registry::partner, divisions, code, division);
        } catch (GovhubException noRoute) {
            Optional<HubCase> earlier = replay(actor.username(), idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return new Submitted(earlier.get(), true, List.of());
            }
            throw noRoute;
        }
        Optional<ItemCatalog.Item> item = catalog.item(code);
        Integer fromGuide = item.map(ItemCatalog.Item::promisedWorkingDays).orElse(null);
        int limit = fromGuide != null ? fromGuide
                : route.rule().timeLimitWorkingDays() != null ? route.rule().timeLimitWorkingDays() : DEFAULT_TIME_LIMIT;
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        // unique across nodes, not gapless
        String firstNumber = code + DAY.format(today) + String.format("%06d", store.nextSerial(code, today));
        LocalDate promised = promised(today, limit, 0);
        String itemName = item.map(ItemCatalog.Item::name).orElse(null);
        HubCase first = new HubCase(firstNumber, code, itemName, division, route.partner().id(), CaseStatus.SUBMITTED,
                channel, applicant, actor.username(), now, limit, promised, 0, null, null, null, null, 0, 1);
        Optional<Submitted> inOneGo = writeInOneGo(first, actor, idempotencyKey, requestHash, refs, rawBody);
        if (inOneGo.isPresent()) {
            return inOneGo.get();
        }
        long[] outboxId = {0};
        Submitted result = tx.inTransaction(() -> {
            Optional<CaseStore.IdempotentHit> hit = store.claimKey(actor.username(), idempotencyKey, requestHash, firstNumber);
            if (hit.isPresent()) {
                return new Submitted(sameRequest(hit.get(), requestHash), true, List.of());
            }
            String caseNumber = firstNumber;
            HubCase c = first;
            List<CaseStore.Material> materials = refs.isEmpty() ? List.of() : store.materials(refs, actor.username());
            if (materials.size() != refs.size()) {
                Set<String> found = new java.util.HashSet<>(materials.stream().map(CaseStore.Material::ref).toList());
                List<FieldProblem> missing = refs.stream().filter(r -> !found.contains(r))
                        .map(r -> new FieldProblem("materials", "CASE_MATERIAL_UNKNOWN",
                                Text.of("材料引用不存在：" + r, "Unknown material reference " + r))).toList();
                throw new GovhubException(ErrorCode.MATERIAL_NOT_FOUND, ErrorCode.MATERIAL_NOT_FOUND.title(), missing);
            }
            for (int attempt = 0; !store.insert(c, requestHash, idempotencyKey); attempt++) {
                if (attempt >= 5) {
                    throw GovhubException.of(ErrorCode.SERVICE_UNAVAILABLE);
                }
                // the six-digit serial came round within a day for this item: take the next one
                caseNumber = code + DAY.format(today) + String.format("%06d", store.nextSerial(code, today));
                c = new HubCase(caseNumber, code, itemName, division, route.partner().id(), CaseStatus.SUBMITTED,
                        channel, applicant, actor.username(), now, limit, promised, 0, null, null, null, null, 0, 1);
                store.rebindKey(actor.username(), idempotencyKey, caseNumber);
            }
            store.attachMaterials(caseNumber, refs);
            outboxId[0] = outbox.enqueue(DISPATCH, c.partnerId(), caseNumber, dispatchPayload(c, materials));
            messageLog.record(new MessageLog.Message(actor.username(), MessageLog.Direction.IN, "CASE_SUBMIT",
                    idempotencyKey, caseNumber, rawBody, true));
            return new Submitted(c, false, materials);
        });
        if (!result.replayed()) {
            // the submission is in the message log (not the audit log, which is for administrative actions)
            deliveryHint.accept(outboxId[0]);
        }
        return result;
    }

    /** Stores an uploaded material for a case about to be submitted by {@code actor}; returns its reference. */
    public CaseStore.Material uploadMaterial(Actor actor, String name, String fileName, byte[] content) {
        channelOf(actor);
        String type = Materials.sniff(content).orElseThrow(() -> new GovhubException(ErrorCode.MATERIAL_TYPE_NOT_ALLOWED,
                Text.of("材料内容不是 PDF、JPEG 或 PNG 文件（按文件内容判断，不看扩展名）",
                        "The material is not a PDF, JPEG or PNG file (judged by its content, not its name)")));
        String label = name == null || name.isBlank() ? Materials.safeFileName(fileName) : name.strip();
        if (label.length() > 100) {
            throw new GovhubException(ErrorCode.CASE_INVALID, Text.of("材料名称最多 100 字", "name is longer than 100"),
                    List.of(problem("name", MALFORMED, "材料名称最多 100 字", "name is longer than 100 characters")));
        }
        String sha256 = MessageBodies.sha256Bytes(content);
        String scannedBy = scan(actor, content, sha256);
        CaseStore.Material m = new CaseStore.Material(java.util.UUID.randomUUID().toString(), label,
                Materials.safeFileName(fileName), type, content.length, sha256, actor.username(), scannedBy);
        store.insertMaterial(m, content);
        return m;
    }

    /** What scanned the content and found it clean, or null when no scanner is configured; refuses anything else. */
    private String scan(Actor actor, byte[] content, String sha256) {
        MalwareScanner s = scanner;
        if (s == null) {
            return null;
        }
        MalwareScanner.Verdict v;
        try {
            v = s.scan(content);
        } catch (MalwareScanner.Unavailable e) {
            LOG.warn("A material of {} bytes from {} was not stored: the malware scan gave no verdict ({})",
                    content.length, actor.username(), e.getMessage());
            throw GovhubException.of(ErrorCode.MATERIAL_SCAN_UNAVAILABLE);
        }
        if (!v.clean()) {
            audit.record(AuditEvent.of("MATERIAL_INFECTED", actor.username(), "上传材料含有恶意代码，已拒收",
                    Map.of("signature", v.signature(), "sha256", sha256, "size", content.length, "engine", v.engine())));
            throw new GovhubException(ErrorCode.MATERIAL_INFECTED, Text.of(
                    "材料文件含有病毒或恶意代码（" + v.signature() + "），已拒收",
                    "The material contains malware (" + v.signature() + ") and was refused"));
        }
        return v.engine();
    }

    /**
     * Deletes uploads no case took within {@code keep} of their upload (an applicant who uploaded and never
     * submitted): personal documents are not kept without a purpose. Returns how many.
     */
    public int removeUnattachedMaterials(java.time.Duration keep) {
        int n = store.deleteUnattachedMaterials(clock.instant().minus(keep));
        if (n > 0) {
            audit.record(AuditEvent.of("MATERIALS_REMOVED", "system", "未提交的上传材料已超过保留期限",
                    Map.of("count", n, "keep", keep.toString())));
        }
        return n;
    }

    /** The content of a material of a case the actor may see. */
    public byte[] materialContent(Actor actor, String caseNumber, String ref) {
        find(actor, caseNumber);
        return store.materialContent(caseNumber, ref).orElseThrow(() -> GovhubException.of(ErrorCode.RESOURCE_NOT_FOUND));
    }

    private Optional<HubCase> replay(String user, String key, String requestHash) {
        return store.findKey(user, key).map(hit -> sameRequest(hit, requestHash));
    }

    private HubCase sameRequest(CaseStore.IdempotentHit hit, String requestHash) {
        if (!hit.requestHash().equals(requestHash)) {
            throw GovhubException.of(ErrorCode.CASE_IDEMPOTENCY_KEY_REUSED);
        }
        return store.find(hit.caseNumber()).orElseThrow();
    }

    private String dispatchPayload(HubCase c, List<CaseStore.Material> materials) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseNumber", c.caseNumber());
        p.put("implementationCode", c.implementationCode());
        if (c.itemName() != null) {
            p.put("itemName", c.itemName());
        }
        p.put("division", c.divisionCode());
        p.put("channel", c.channel());
        p.put("applicant", c.applicant());
        p.put("submittedAt", c.submittedAt().toString());
        p.put("timeLimitWorkingDays", c.timeLimitWorkingDays());
        if (c.promisedDate() != null) {
            p.put("promisedDate", c.promisedDate().toString());
        }
        p.put("materials", materials.stream().map(m -> Map.of("ref", m.ref(), "name", m.name(), "mediaType",
                m.mediaType(), "size", m.sizeBytes(), "sha256", m.sha256())).toList());
        return json(p);
    }

    // -------------------------------------------------------------------------------------------- status messages

    public StatusOutcome applyStatus(Actor partner, String caseNumber, StatusMessage m, String rawBody) {
        HubCase visible = store.find(caseNumber).filter(c -> c.partnerId().equals(partner.username()))
                .orElseThrow(() -> GovhubException.of(ErrorCode.CASE_NOT_FOUND));
        List<FieldProblem> problems = validate(m);
        if (!problems.isEmpty()) {
            throw new GovhubException(ErrorCode.CASE_STATUS_INVALID, Text.of("状态消息有 " + problems.size() + " 处问题",
                    "The status message has " + problems.size() + " problem(s)"), problems);
        }
        String body = json(Map.of("eventId", m.eventId(), "sequence", m.sequence(), "type", m.type().name(),
                "occurredAt", m.occurredAt().toString(), "details", new TreeMap<>(m.details())));
        String hash = MessageBodies.sha256(body);
        PartnerSystem peer = registry.partner(visible.partnerId()).orElse(null);
        StatusOutcome outcome = tx.inTransaction(() -> {
            HubCase c = store.lock(caseNumber).orElseThrow();
            Optional<String> known = store.messageHash(caseNumber, m.sequence());
            if (known.isPresent()) {
                if (!known.get().equals(hash)) {
                    throw new GovhubException(ErrorCode.CASE_STATUS_CONFLICT, Text.of(
                            "序号 " + m.sequence() + " 的状态消息已收到且内容不同",
                            "A different status message with sequence " + m.sequence() + " was received before"));
                }
                return new StatusOutcome("DUPLICATE", null, c);
            }
            store.insertMessage(caseNumber, m, body, hash, "HELD", null);
            Map<Integer, String> illegal = new java.util.HashMap<>();
            HubCase after = applyHeld(c, illegal);
            messageLog.record(new MessageLog.Message(partner.username(), MessageLog.Direction.IN, "CASE_STATUS",
                    m.eventId(), caseNumber, rawBody, peer == null || peer.logBodies()));
            String state = illegal.containsKey(m.sequence()) ? "ILLEGAL"
                    : m.sequence() <= after.lastSequence() ? "APPLIED" : "HELD";
            return new StatusOutcome(state, illegal.get(m.sequence()), after);
        });
        if ("ILLEGAL".equals(outcome.outcome())) {
            LOG.warn("Illegal status message {} #{} for case {}: {}", m.type(), m.sequence(), caseNumber, outcome.problem());
            audit.record(AuditEvent.of("CASE_STATUS_ILLEGAL", partner.username(), outcome.problem(),
                    Map.of("caseNumber", caseNumber, "sequence", m.sequence(), "type", m.type().name())));
        }
        return outcome;
    }

    /**
     * Applies held messages that are next in sequence, one after another; returns the case afterwards. The messages
     * found illegal are put in {@code illegal} (sequence → why).
     */
    private HubCase applyHeld(HubCase c, Map<Integer, String> illegal) {
        HubCase current = c;
        for (StatusMessage next : store.heldMessages(c.caseNumber())) {
            if (next.sequence() != current.lastSequence() + 1) {
                break;
            }
            String why = illegalMove(current, next);
            if (why != null) {
                illegal.put(next.sequence(), why);
                store.markMessage(c.caseNumber(), next.sequence(), "ILLEGAL", why);
                current = withSequence(current, next.sequence());
            } else {
                current = withSequence(move(current, next), next.sequence());
                store.markMessage(c.caseNumber(), next.sequence(), "APPLIED", null);
            }
        }
        if (current != c) {
            store.update(current);
        }
        return current;
    }

    static String illegalMove(HubCase c, StatusMessage m) {
        Set<CaseStatus> from = switch (m.type()) {
            case ACCEPTANCE -> Set.of(CaseStatus.SUBMITTED, CaseStatus.DISPATCHED);
            case REFUSAL -> Set.of(CaseStatus.SUBMITTED, CaseStatus.DISPATCHED, CaseStatus.ACCEPTED,
                    CaseStatus.IN_PROGRESS, CaseStatus.PAUSED);
            case STEP, PAUSE, COMPLETION -> Set.of(CaseStatus.ACCEPTED, CaseStatus.IN_PROGRESS);
            case RESUME -> Set.of(CaseStatus.PAUSED);
        };
        if (!from.contains(c.status())) {
            return m.type() + " is not allowed in state " + c.status() + " (allowed from " + new java.util.TreeSet<>(from) + ")";
        }
        return null;
    }

    private HubCase move(HubCase c, StatusMessage m) {
        LocalDate day = LocalDate.ofInstant(m.occurredAt(), CHINA);
        CaseStatus to = m.type().leadsTo();
        Instant acceptedAt = c.acceptedAt();
        Instant completedAt = c.completedAt();
        int paused = c.pausedWorkingDays();
        LocalDate pausedSince = c.pausedSince();
        Map<String, Object> result = c.result();
        LocalDate promised = c.promisedDate();
        switch (m.type()) {
            case ACCEPTANCE -> {
                acceptedAt = m.occurredAt();
                promised = promised(day, c.timeLimitWorkingDays(), paused);
            }
            case PAUSE -> pausedSince = day;
            case RESUME -> {
                paused += Math.max(0, workingDays(c.pausedSince(), day));
                pausedSince = null;
                LocalDate base = LocalDate.ofInstant(acceptedAt != null ? acceptedAt : c.submittedAt(), CHINA);
                promised = promised(base, c.timeLimitWorkingDays(), paused);
            }
            case COMPLETION, REFUSAL -> {
                completedAt = m.occurredAt();
                result = new LinkedHashMap<>(m.details());
            }
            default -> {
            }
        }
        return new HubCase(c.caseNumber(), c.implementationCode(), c.itemName(), c.divisionCode(), c.partnerId(), to,
                c.channel(), c.applicant(), c.submittedBy(), c.submittedAt(), c.timeLimitWorkingDays(), promised, paused,
                pausedSince, acceptedAt, completedAt, result, c.lastSequence(), c.version());
    }

    private static HubCase withSequence(HubCase c, int sequence) {
        return new HubCase(c.caseNumber(), c.implementationCode(), c.itemName(), c.divisionCode(), c.partnerId(),
                c.status(), c.channel(), c.applicant(), c.submittedBy(), c.submittedAt(), c.timeLimitWorkingDays(),
                c.promisedDate(), c.pausedWorkingDays(), c.pausedSince(), c.acceptedAt(), c.completedAt(), c.result(),
                sequence, c.version());
    }

    static List<FieldProblem> validate(StatusMessage m) {
        List<FieldProblem> p = new ArrayList<>();
        if (m.sequence() < 1) {
            p.add(problem("sequence", MALFORMED, "序号应从 1 开始", "sequence starts at 1"));
        }
        if (m.type() == null) {
            p.add(problem("type", REQUIRED, "缺少消息类型", "type is missing"));
        }
        if (m.occurredAt() == null) {
            p.add(problem("occurredAt", REQUIRED, "缺少发生时间", "occurredAt is missing"));
        }
        if (m.eventId() == null || m.eventId().isBlank() || m.eventId().length() > 100) {
            p.add(problem("eventId", REQUIRED, "缺少消息标识（最多 100 字符）", "eventId is missing or longer than 100"));
        }
        if (m.type() != null) {
            List<String> required = switch (m.type()) {
                case ACCEPTANCE -> List.of("unit", "handler");
                case REFUSAL -> List.of("reason");
                case STEP -> List.of("name", "action", "handler");
                case PAUSE -> List.of("procedure");
                case RESUME -> List.of();
                case COMPLETION -> List.of("result");
            };
            for (String f : required) {
                Object v = m.details().get(f);
                if (v == null || v.toString().isBlank()) {
                    p.add(problem("details." + f, REQUIRED, "缺少 " + f, "details." + f + " is missing"));
                }
            }
            if (m.type() == StatusMessageType.STEP && m.details().get("action") != null
                    && !Set.of("通过", "退回", "其他").contains(m.details().get("action").toString())) {
                p.add(problem("details.action", CODE_UNKNOWN, "环节动作应为 通过、退回 或 其他",
                        "details.action must be 通过, 退回 or 其他"));
            }
        }
        return p;
    }

    // ----------------------------------------------------------------------------------------------- withdrawal

    public HubCase withdraw(Actor actor, String caseNumber, String reason) {
        HubCase visible = find(actor, caseNumber).c();
        if (!(actor.has(Role.APPLICANT) || actor.has(Role.HALL_CLERK))) {
            throw GovhubException.of(ErrorCode.ACCESS_DENIED);
        }
        long[] outboxId = {0};
        HubCase done = tx.inTransaction(() -> {
            HubCase c = store.lock(caseNumber).orElseThrow();
            if (!c.status().canMoveTo(CaseStatus.WITHDRAWN)) {
                throw new GovhubException(ErrorCode.CASE_STATE, Text.of("办件状态为" + c.status().label() + "，不能撤回",
                        "A case in state " + c.status() + " cannot be withdrawn"));
            }
            HubCase w = c.with(CaseStatus.WITHDRAWN);
            store.update(w);
            outboxId[0] = outbox.enqueue(WITHDRAWAL, c.partnerId(), caseNumber, json(Map.of("caseNumber", caseNumber,
                    "reason", reason == null ? "" : reason, "withdrawnAt", clock.instant().toString())));
            return w;
        });
        audit.record(AuditEvent.of("CASE_WITHDRAWN", actor.username(), reason, Map.of("caseNumber", visible.caseNumber())));
        deliveryHint.accept(outboxId[0]);
        return done;
    }

    // ---------------------------------------------------------------------------------------------------- views

    /** The case if the actor may see it; otherwise CASE_NOT_FOUND, as if it did not exist (no existence leak). */
    public CaseView find(Actor actor, String caseNumber) {
        HubCase c = store.find(caseNumber).filter(x -> visible(actor, x))
                .orElseThrow(() -> GovhubException.of(ErrorCode.CASE_NOT_FOUND));
        return view(c, true);
    }

    /**
     * The public status check: the case number and the last four digits of the applicant's phone. A wrong number and a
     * wrong phone get the same answer. No personal data in the view.
     */
    public CaseView publicStatus(String caseNumber, String phoneLast4, String client) {
        if (phoneLast4 == null || !phoneLast4.matches("[0-9]{4}")) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("请输入手机号码后四位数字",
                    "phoneLast4 must be four digits"));
        }
        String bucket = "case-status:" + client + ":" + (caseNumber.length() > 80 ? caseNumber.substring(0, 80) : caseNumber);
        limiter.tryAcquire(bucket, publicChecks, publicWindow).ifPresent(wait -> {
            throw new io.govhub.core.shared.RateLimiter.Limited(wait, Text.of(
                    "查询过于频繁，请 " + Math.max(1, wait.toSeconds()) + " 秒后再试",
                    "Too many checks of this case; retry in " + Math.max(1, wait.toSeconds()) + " s"));
        });
        HubCase c = store.find(caseNumber).filter(x -> x.applicant().phoneLast4().equals(phoneLast4))
                .orElseThrow(() -> GovhubException.of(ErrorCode.CASE_NOT_FOUND));
        return view(c, false);
    }

    public List<CaseView> list(Actor actor, CaseStatus status, String division, int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        CaseStore.CaseQuery q;
        if (actor.has(Role.ADMIN) || actor.has(Role.SUPERVISOR)) {
            q = new CaseStore.CaseQuery(division == null ? null : subtree(division), null, null, status, n);
        } else if (actor.has(Role.HALL_CLERK)) {
            if (division != null && !within(division, actor.divisionCode())) {
                throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("只能查看本县（区）的办件",
                        "a hall clerk sees their own county's cases only"));
            }
            q = new CaseStore.CaseQuery(subtree(division == null ? actor.divisionCode() : division), null, null, status, n);
        } else if (actor.has(Role.PARTNER_SYSTEM)) {
            q = new CaseStore.CaseQuery(division == null ? null : subtree(division), null, actor.username(), status, n);
        } else if (actor.has(Role.APPLICANT)) {
            q = new CaseStore.CaseQuery(null, actor.username(), null, status, n);
        } else {
            throw GovhubException.of(ErrorCode.ACCESS_DENIED);
        }
        return store.list(q).stream().map(c -> view(c, false)).toList();
    }

    /** Open cases handled by a partner (for polling its status), oldest first. */
    public List<HubCase> openCasesOf(String partnerId, int limit) {
        return store.openCasesOf(partnerId, Math.max(1, Math.min(limit, 1000)));
    }

    /** The supervisors' board over cases submitted in [from, to]: one row per (division, handling system). */
    public List<BoardRow> board(LocalDate from, LocalDate to, String division) {
        Instant start = from.atStartOfDay(CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(CHINA).toInstant();
        Map<String, List<HubCase>> groups = new TreeMap<>();
        for (HubCase c : store.forBoard(start, end, division == null ? null : subtree(division))) {
            groups.computeIfAbsent(c.divisionCode() + "|" + c.partnerId(), k -> new ArrayList<>()).add(c);
        }
        List<BoardRow> rows = new ArrayList<>();
        groups.forEach((k, cases) -> {
            long completed = 0, onTime = 0, overdue = 0, near = 0, open = 0, days = 0, measured = 0;
            for (HubCase c : cases) {
                TimeLimitState st = timeLimit(c).state();
                switch (st) {
                    case DONE_ON_TIME -> onTime++;
                    case OVERDUE -> overdue++;
                    case NEAR_LIMIT -> near++;
                    default -> {
                    }
                }
                if (c.status() == CaseStatus.COMPLETED) {
                    completed++;
                    Integer d = workingDays(LocalDate.ofInstant(c.submittedAt(), CHINA), LocalDate.ofInstant(c.completedAt(), CHINA));
                    if (d != null) {
                        days += d;
                        measured++;
                    }
                } else if (!c.status().isFinal()) {
                    open++;
                }
            }
            String[] parts = k.split("\\|");
            rows.add(new BoardRow(parts[0], parts[1], cases.size(), open, completed, onTime, overdue, near,
                    measured == 0 ? null : Math.round(10.0 * days / measured) / 10.0));
        });
        return rows;
    }

    /**
     * The receipt of a submission as a view: a new case is shown as it was stored (no steps yet, the materials it
     * took) without reading it back; a replayed one as it stands now.
     */
    public CaseView receipt(Submitted s) {
        if (s.replayed()) {
            return view(s.c(), true);
        }
        Limit l = timeLimit(s.c());
        return new CaseView(s.c(), l.state(), l.left(), List.of(), s.materials());
    }

    public CaseView view(HubCase c, boolean withMaterials) {
        Limit l = timeLimit(c);
        return new CaseView(c, l.state(), l.left(), store.steps(c.caseNumber()),
                withMaterials ? store.materialsOf(c.caseNumber()) : List.of());
    }

    record Limit(TimeLimitState state, Integer left) {
    }

    Limit timeLimit(HubCase c) {
        if (c.promisedDate() == null) {
            return new Limit(TimeLimitState.UNKNOWN, null);
        }
        if (c.status() == CaseStatus.COMPLETED || c.status() == CaseStatus.REJECTED) {
            LocalDate done = LocalDate.ofInstant(c.completedAt() == null ? clock.instant() : c.completedAt(), CHINA);
            return new Limit(done.isAfter(c.promisedDate()) ? TimeLimitState.DONE_LATE : TimeLimitState.DONE_ON_TIME, null);
        }
        if (c.status() == CaseStatus.WITHDRAWN) {
            return new Limit(TimeLimitState.ON_TRACK, null);
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Integer left = workingDays(today, c.promisedDate());
        if (c.status() == CaseStatus.PAUSED) {
            return new Limit(TimeLimitState.PAUSED, left);
        }
        if (left == null) {
            return new Limit(TimeLimitState.UNKNOWN, null);
        }
        if (left < 0 || (left == 0 && today.isAfter(c.promisedDate()))) {
            return new Limit(TimeLimitState.OVERDUE, left);
        }
        return new Limit(left <= WARNING_WORKING_DAYS ? TimeLimitState.NEAR_LIMIT : TimeLimitState.ON_TRACK, left);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /** Due date: {@code limit + paused} working days after {@code start} (start day not counted); 0 days: that day. */
    LocalDate promised(LocalDate start, int limit, int paused) {
        int days = limit + paused;
        if (days <= 0) {
            return start;
        }
        try {
            return calendar.deadline(start, days);
        } catch (CalendarYearUnknownException e) {
            return null;
        }
    }

    private Integer workingDays(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return null;
        }
        try {
            return calendar.workingDaysBetween(from, to);
        } catch (CalendarYearUnknownException e) {
            return null;
        }
    }

    private boolean visible(Actor actor, HubCase c) {
        if (actor.has(Role.ADMIN) || actor.has(Role.SUPERVISOR)) {
            return true;
        }
        if (actor.has(Role.HALL_CLERK) && within(c.divisionCode(), actor.divisionCode())) {
            return true;
        }
        if (actor.has(Role.PARTNER_SYSTEM) && c.partnerId().equals(actor.username())) {
            return true;
        }
        return actor.has(Role.APPLICANT) && c.submittedBy().equals(actor.username());
    }

    /** Whether {@code code} is {@code ancestor} or lies below it. */
    boolean within(String code, String ancestor) {
        if (code == null || ancestor == null) {
            return false;
        }
        String current = code;
        for (int i = 0; i < 10 && current != null; i++) {
            if (current.equals(ancestor)) {
                return true;
            }
            current = divisions.find(current).map(Division::parentCode).orElse(null);
        }
        return false;
    }

    private List<String> subtree(String root) {
        List<String> out = new ArrayList<>();
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty() && out.size() < 1000) {
            String d = todo.pop();
            out.add(d);
            divisions.children(d).forEach(ch -> todo.push(ch.code()));
        }
        return out;
    }

    private static String channelOf(Actor actor) {
        if (actor.has(Role.HALL_CLERK)) {
            return "HALL";
        }
        if (actor.has(Role.PARTNER_SYSTEM)) {
            return "PARTNER";
        }
        if (actor.has(Role.APPLICANT)) {
            return "ONLINE";
        }
        throw new GovhubException(ErrorCode.ACCESS_DENIED, Text.of("只有窗口人员、申请人和对接系统可以提交申请",
                "Only hall clerks, applicants and partner systems submit applications"));
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldProblem problem(String field, String code, String zh, String en) {
        return new FieldProblem(field, code, Text.of(zh, en));
    }
}
