package io.govhub.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.govhub.core.access.Actor;
import io.govhub.core.credit.CreditIntakeService;
import io.govhub.core.credit.CreditStore;
import io.govhub.core.credit.RecordType;
import io.govhub.core.identity.Identifiers;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.gateway.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 双公示 intake over REST and the public search. Records are JSON objects keyed by the national field codes, one or an
 * array of many; the answer is a receipt at once, processing runs in the background (the broker).
 */
@RestController
@RequestMapping(path = "/api/v1/credit", produces = "application/json")
@Tag(name = "credit", description = "行政许可、行政处罚信用信息（双公示） Permit and penalty decisions")
public class CreditApi {

    /**
     * @param forwarding to the credit platform: FORWARDING (queued or being retried), ACKNOWLEDGED (the platform took
     *                   it), FORWARD_FAILED (in the dead letter, an administrator replays it); absent when not forwarded
     */
    public record RecordStatusJson(int index, String status, Long recordId, List<Map<String, String>> problems,
                                   String forwarding) {
    }

    /** @param next the {@code after} of the next page of items, or null when this page is the last */
    public record SubmissionJson(String submissionId, String type, String channel, Instant receivedAt, int records,
                                 Map<String, Integer> counts, List<RecordStatusJson> items, Integer next) {
    }

    public record PublicJson(long id, String type, String subject, String documentNumber, String authorityUscc,
                             LocalDate decisionDate, LocalDate publicUntil, Map<String, String> fields) {
    }

    private final CreditIntakeService intake;
    private final io.govhub.core.delivery.DeliveryOutbox outbox;

    private final int warnAt;

    public CreditApi(CreditIntakeService intake, io.govhub.core.delivery.DeliveryOutbox outbox,
                     @org.springframework.beans.factory.annotation.Value("${govhub.credit.warning-working-days-left:2}") int warnAt) {
        this.intake = intake;
        this.outbox = outbox;
        this.warnAt = warnAt;
    }

    @PostMapping(path = "/permits", consumes = "application/json")
    @Operation(summary = "Submit permit decisions (XK_* fields; one object or an array); 202 with the receipt")
    public ResponseEntity<CreditIntakeService.Receipt> permits(@RequestBody JsonNode body) {
        return receive(RecordType.PERMIT, body);
    }

    @PostMapping(path = "/penalties", consumes = "application/json")
    @Operation(summary = "Submit penalty decisions (CF_* fields; one object or an array); 202 with the receipt")
    public ResponseEntity<CreditIntakeService.Receipt> penalties(@RequestBody JsonNode body) {
        return receive(RecordType.PENALTY, body);
    }

    @PostMapping(path = "/batches", consumes = "multipart/form-data")
    @Operation(summary = "Submit a batch file (.csv in UTF-8 or GBK, or .xlsx) in the national field layout: the header"
            + " row holds the field codes (XK_* or CF_*); 202 with the receipt")
    public ResponseEntity<CreditIntakeService.Receipt> batch(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                                                             @RequestParam(required = false) String charset)
            throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            throw GovhubException.of(ErrorCode.REQUEST_PARAMETER_MISSING);
        }
        java.nio.charset.Charset cs = null;
        if (charset != null && !charset.isBlank()) {
            try {
                cs = java.nio.charset.Charset.forName(charset.strip());
            } catch (RuntimeException e) {
                throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("不支持的字符编码", "unsupported charset"));
            }
        }
        String name = file.getOriginalFilename() == null ? "batch" : java.nio.file.Path.of(file.getOriginalFilename()).getFileName().toString();
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("govhub-credit-", name.toLowerCase().endsWith(".xlsx") ? ".xlsx" : ".csv");
        try {
            file.transferTo(tmp);
            CreditIntakeService.Receipt receipt;
            try {
                receipt = intake.receiveBatch(actor(), tmp, name, cs);
            } catch (java.io.IOException e) {
                throw new GovhubException(ErrorCode.REQUEST_MALFORMED, Text.of("文件无法读取：" + e.getMessage(),
                        "the file cannot be read: " + e.getMessage()));
            }
            return ResponseEntity.accepted().location(URI.create("/api/v1/credit/submissions/" + receipt.submissionId()))
                    .body(receipt);
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    /** Items of a submission's status per page: a batch of a million records is read a page at a time. */
    static final int MAX_PAGE = 1000;

    @GetMapping("/submissions/{id}")
    @Operation(summary = "The status of a submission: counts per status (RECEIVED, ACCEPTED, UPDATED, DUPLICATE,"
            + " REJECTED) and its records' outcomes with every problem, a page of at most 1,000 after index `after`"
            + " (`next` gives the following page)")
    public SubmissionJson submission(@PathVariable String id, @RequestParam(defaultValue = "-1") int after,
                                     @RequestParam(defaultValue = "1000") int limit) {
        if (after < -1 || limit < 1 || limit > MAX_PAGE) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of(
                    "after 不小于 -1，limit 在 1 到 " + MAX_PAGE + " 之间", "after ≥ -1 and 1 ≤ limit ≤ " + MAX_PAGE));
        }
        CreditStore.Submission s = intake.submission(actor(), id);
        // counts first: statuses only move forward, so a page read after them is never behind them
        Map<String, Integer> counts = new LinkedHashMap<>();
        intake.statusCounts(id).forEach((status, n) -> counts.put(status.name(), n));
        List<CreditStore.SubmittedRecord> records = intake.outcomePage(id, after, limit + 1);
        boolean more = records.size() > limit;
        List<CreditStore.SubmittedRecord> page = more ? records.subList(0, limit) : records;
        Map<String, String> forwarding = outbox.stateByRef(page.stream().filter(r -> r.recordId() != null)
                .map(r -> "credit-" + r.recordId()).distinct().toList());
        List<RecordStatusJson> items = page.stream().map(r -> new RecordStatusJson(r.index(),
                r.status().name(), r.recordId(), r.problems().stream().map(p -> {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("field", p.field());
                    m.put("code", p.code());
                    m.put("message", p.message().zh());
                    return m;
                }).toList(), r.recordId() == null ? null
                        : io.govhub.core.credit.CreditForwarding.status(forwarding.get("credit-" + r.recordId())))).toList();
        return new SubmissionJson(s.id(), s.type().name(), s.channel(), s.receivedAt(), s.recordCount(), counts, items,
                more ? page.get(page.size() - 1).index() : null);
    }

    @GetMapping("/compliance")
    @Operation(summary = "Compliance report (SUPERVISOR): per deciding organisation, decisions of the period published"
            + " on time (7 working days) or late, and by how many working days in all")
    public List<CreditStore.ComplianceLine> compliance(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String division) {
        return intake.compliance(actor(), from, to, division);
    }

    private static final List<String> COMPLIANCE_HEADER = List.of("决定机关", "统一社会信用代码", "行政区划", "决定总数",
            "按时公示", "逾期公示", "按时率", "逾期工作日合计", "待定（节假日安排未导入）");

    private List<List<Object>> complianceRows(LocalDate from, LocalDate to, String division) {
        return intake.compliance(actor(), from, to, division).stream().map(l -> List.<Object>of(l.authorityName(),
                l.authorityUscc(), l.divisionCode(), l.total(), l.onTime(), l.late(),
                String.format("%.1f%%", l.onTimeRate() * 100), l.lateWorkingDays(), l.unknown())).toList();
    }

    @GetMapping(path = "/compliance.csv", produces = "text/csv")
    @Operation(summary = "The compliance report as CSV (UTF-8 with BOM, formulas defused)")
    public ResponseEntity<byte[]> complianceCsv(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String division) {
        StringBuilder b = new StringBuilder(io.govhub.core.tabular.CsvExport.BOM);
        b.append(io.govhub.core.tabular.CsvExport.line(COMPLIANCE_HEADER));
        for (List<Object> row : complianceRows(from, to, division)) {
            b.append(io.govhub.core.tabular.CsvExport.line(row.stream().map(String::valueOf).toList()));
        }
        return ResponseEntity.ok().contentType(new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"compliance-" + from + "-" + to + ".csv\"")
                .body(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/compliance.xlsx",
            produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "The compliance report as an Excel workbook (values as text or numbers, never formulas)")
    public ResponseEntity<byte[]> complianceXlsx(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String division) {
        byte[] xlsx = io.govhub.core.tabular.XlsxExport.write("双公示按时公示", COMPLIANCE_HEADER,
                complianceRows(from, to, division));
        return ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"compliance-" + from + "-" + to + ".xlsx\"")
                .body(xlsx);
    }

    public record RevocationJson(RecordType type, String documentNumber, String reason) {
    }

    public record RepairJson(String documentNumber, String repairDocument) {
    }

    @PostMapping(path = "/revocations", consumes = "application/json")
    @Operation(summary = "Revoke (撤销) a decision of my organisation: it leaves the public view at once")
    public Map<String, Object> revoke(@RequestBody RevocationJson body) {
        if (body.type() == null) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("缺少 type（PERMIT 或 PENALTY）",
                    "type (PERMIT or PENALTY) is missing"));
        }
        intake.revoke(actor(), body.type(), body.documentNumber(), body.reason());
        return Map.of("revoked", true, "documentNumber", body.documentNumber());
    }

    @PostMapping(path = "/repairs", consumes = "application/json")
    @Operation(summary = "Credit repair (信用修复) of a penalty of my organisation after its minimum publicity period:"
            + " publicity ends today")
    public Map<String, Object> repair(@RequestBody RepairJson body) {
        LocalDate end = intake.repair(actor(), RecordType.PENALTY, body.documentNumber(), body.repairDocument());
        return Map.of("repaired", true, "documentNumber", body.documentNumber(), "publicUntil", end.toString());
    }

    @GetMapping("/warnings")
    @Operation(summary = "Deadline warnings (预警): decisions not published and acknowledged whose 7-working-day deadline"
            + " is at most govhub.credit.warning-working-days-left away or passed (rejected and not resubmitted, or not"
            + " acknowledged by the credit platform); an officer sees their organisation's")
    public List<CreditIntakeService.DeadlineWarning> warnings() {
        return intake.warnings(actor(), warnAt);
    }

    /** {@code govhub.credit.warning-working-days-left}: the working days left at which a decision is warned about. */
    public int warningWorkingDaysLeft() {
        return warnAt;
    }

    @GetMapping("/public/{id}")
    @Operation(summary = "One published decision (no sign-in; natural persons masked); 404 when not in the public view")
    public PublicJson publicRecord(@PathVariable long id) {
        CreditStore.PublicRecord r = intake.publicRecord(id);
        return new PublicJson(r.id(), r.type().name(), r.subject(), r.documentNumber(), r.authorityUscc(), r.decisionDate(),
                r.publicUntil(), r.fields());
    }

    @GetMapping("/public")
    @Operation(summary = "Published decisions (no sign-in); natural persons' personal data masked",
            description = "q: the subject's name (as published), its unified social credit code, or the document number")
    public List<PublicJson> search(@RequestParam(required = false) String q, @RequestParam(required = false) RecordType type,
                                   @RequestParam(required = false) String authority,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                   @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (q != null && q.length() > 100 || page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("q 最多 100 字，size 在 1–100 之间",
                    "q has at most 100 characters, size is 1-100"));
        }
        return intake.search(new CreditStore.PublicQuery(q, type, authority == null ? null : Identifiers.normalise(authority),
                        from, to, page, size, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))).stream()
                .map(r -> new PublicJson(r.id(), r.type().name(), r.subject(), r.documentNumber(), r.authorityUscc(),
                        r.decisionDate(), r.publicUntil(), r.fields())).toList();
    }

    private ResponseEntity<CreditIntakeService.Receipt> receive(RecordType type, JsonNode body) {
        List<Map<String, String>> records = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        List<JsonNode> nodes = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(nodes::add);
        } else if (body != null && body.isObject()) {
            nodes.add(body);
        } else {
            throw new GovhubException(ErrorCode.REQUEST_MALFORMED, Text.of("请求体应为一条记录（JSON 对象）或记录数组",
                    "the body is one record (a JSON object) or an array of them"));
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode n = nodes.get(i);
            if (!n.isObject()) {
                problems.add(new FieldProblem("[" + i + "]", ErrorCode.REQUEST_FIELD_INVALID.name(),
                        Text.of("应为 JSON 对象", "must be a JSON object")));
                continue;
            }
            Map<String, String> m = new LinkedHashMap<>();
            final int index = i;
            n.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
                } else {
                    problems.add(new FieldProblem("[" + index + "]." + e.getKey(), ErrorCode.REQUEST_FIELD_INVALID.name(),
                            Text.of("字段值应为文字或数字", "a field's value is text or a number")));
                }
            });
            records.add(m);
        }
        if (!problems.isEmpty()) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("记录格式错误", "malformed records"), problems);
        }
        // the message log hashes the body as received (the parsed records only when it is not at hand)
        CreditIntakeService.Receipt receipt = intake.receive(actor(), type, records, "REST",
                io.govhub.gateway.web.ReceivedBodies.current().orElse(null));
        return ResponseEntity.accepted().location(URI.create("/api/v1/credit/submissions/" + receipt.submissionId()))
                .body(receipt);
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }
}
