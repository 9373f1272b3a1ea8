package io.govhub.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.access.Actor;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.CaseStatus;
import io.govhub.core.caseflow.CaseStep;
import io.govhub.core.caseflow.CaseStore;
import io.govhub.core.caseflow.CaseSubmission;
import io.govhub.core.caseflow.HubCase;
import io.govhub.core.caseflow.StatusMessage;
import io.govhub.core.caseflow.StatusMessageType;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.gateway.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 一网通办 cases over REST: submission with an {@code Idempotency-Key}, the scoped views, the public status check,
 * status messages from the handling system, withdrawal, materials and the supervisors' board.
 */
@RestController
@RequestMapping(path = "/api/v1/cases", produces = "application/json")
@Tag(name = "cases", description = "一网通办 办件 One-network cases")
public class CaseApi {

    /** The applicant as submitted. idType: ID_CARD, USCC, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT. */
    public record ApplicantJson(String name, String idType, String idNumber, String phone) {
    }

    /** A new application. {@code materials}: references returned by {@code POST /api/v1/cases/materials}. */
    public record CaseRequest(String implementationCode, String division, ApplicantJson applicant, List<String> materials) {
    }

    public record StepJson(int sequence, String type, Instant occurredAt, Instant receivedAt, String state,
                           String problem, Map<String, Object> details) {
    }

    public record MaterialJson(String ref, String name, String fileName, String mediaType, long size, String sha256,
                               String scannedBy) {
    }

    /** A case as staff, the applicant and the handling system see it. */
    public record CaseJson(String caseNumber, String status, String statusLabel, String implementationCode,
                           String itemName, String division, String handlingSystem, String channel,
                           ApplicantJson applicant, Instant submittedAt, int timeLimitWorkingDays, LocalDate promisedDate,
                           String timeLimitState, Integer workingDaysLeft, int pausedWorkingDays, Instant acceptedAt,
                           Instant completedAt, Map<String, Object> result, List<StepJson> steps,
                           List<MaterialJson> materials) {
    }

    /** The public status check: no personal data. */
    public record PublicStatusJson(String caseNumber, String status, String statusLabel, String itemName,
                                   LocalDate promisedDate, String timeLimitState, List<PublicStepJson> steps) {
    }

    public record PublicStepJson(int sequence, String type, Instant occurredAt, String name, String action) {
    }

    /** A status message from the handling system; see {@link StatusMessage}. */
    public record StatusRequest(String eventId, Integer sequence, String type, Instant occurredAt,
                                Map<String, Object> details) {
    }

    public record StatusResponse(String caseNumber, String outcome, String problem, String status, int lastSequence) {
    }

    public record WithdrawalRequest(String reason) {
    }

    private final CaseService cases;
    private final ObjectMapper json;

    public CaseApi(CaseService cases, ObjectMapper json) {
        this.cases = cases;
        this.json = json;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Submit an application; 201 with the case, or 200 with the same case when the Idempotency-Key"
            + " was used before for the same application")
    public ResponseEntity<CaseJson> submit(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @RequestBody CaseRequest body) {
        Actor actor = actor();
        ApplicantJson a = body.applicant() == null ? new ApplicantJson(null, null, null, null) : body.applicant();
        CaseService.Submitted s = cases.submit(actor, key, new CaseSubmission(body.implementationCode(), body.division(),
                a.name(), a.idType(), a.idNumber(), a.phone(), body.materials()), received(body));
        CaseJson out = toJson(cases.receipt(s), true);
        if (s.replayed()) {
            return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(out);
        }
        return ResponseEntity.created(URI.create("/api/v1/cases/" + s.c().caseNumber())).body(out);
    }

    @GetMapping
    @Operation(summary = "Cases the caller may see: a clerk their division's, an applicant their own, a partner the"
            + " cases it handles, supervisors all")
    public List<CaseJson> list(@RequestParam(required = false) String status,
                               @RequestParam(required = false) String division,
                               @RequestParam(defaultValue = "100") int limit) {
        return cases.list(actor(), status(status), division, limit).stream().map(v -> toJson(v, false)).toList();
    }

    @GetMapping("/{caseNumber}")
    @Operation(summary = "One case with its steps; 404 also when the caller may not see it")
    public CaseJson get(@PathVariable String caseNumber) {
        return toJson(cases.find(actor(), caseNumber), true);
    }

    @GetMapping("/{caseNumber}/public-status")
    @Operation(summary = "Public status check with the last four digits of the applicant's phone; no personal data;"
            + " at most govhub.cases.public-status-limit checks of one case per client per window (429 with Retry-After)")
    public PublicStatusJson publicStatus(@PathVariable String caseNumber, @RequestParam String phoneLast4,
                                         jakarta.servlet.http.HttpServletRequest request) {
        CaseService.CaseView v = cases.publicStatus(caseNumber, phoneLast4, request.getRemoteAddr());
        HubCase c = v.c();
        return new PublicStatusJson(c.caseNumber(), c.status().name(), c.status().label(), c.itemName(), c.promisedDate(),
                v.timeLimit().name(), v.steps().stream().filter(s -> "APPLIED".equals(s.state()))
                .map(s -> new PublicStepJson(s.sequence(), s.type().name(), s.occurredAt(), str(s.details().get("name")),
                        str(s.details().get("action")))).toList());
    }

    @PostMapping(path = "/{caseNumber}/status", consumes = "application/json")
    @Operation(summary = "A status message from the handling system (PARTNER_SYSTEM): applied in sequence order;"
            + " duplicates acknowledged, illegal moves recorded and refused")
    public StatusResponse status(@PathVariable String caseNumber, @RequestBody StatusRequest body) {
        StatusMessageType type = null;
        if (body.type() != null) {
            try {
                type = StatusMessageType.valueOf(body.type());
            } catch (IllegalArgumentException e) {
                throw new GovhubException(ErrorCode.CASE_STATUS_INVALID, Text.of("消息类型未知：" + body.type(),
                        "Unknown type " + body.type() + "; one of " + java.util.Arrays.toString(StatusMessageType.values())));
            }
        }
        StatusMessage m = new StatusMessage(body.eventId(), body.sequence() == null ? 0 : body.sequence(), type,
                body.occurredAt(), body.details());
        CaseService.StatusOutcome o = cases.applyStatus(actor(), caseNumber, m, received(body));
        return new StatusResponse(caseNumber, o.outcome(), o.problem(), o.c().status().name(), o.c().lastSequence());
    }

    @PostMapping(path = "/{caseNumber}/withdrawal", consumes = "application/json")
    @Operation(summary = "Withdraw a case (the applicant, or a clerk of its division)")
    public CaseJson withdraw(@PathVariable String caseNumber, @RequestBody WithdrawalRequest body) {
        cases.withdraw(actor(), caseNumber, body.reason());
        return toJson(cases.find(actor(), caseNumber), true);
    }

    @PostMapping(path = "/materials", consumes = "multipart/form-data")
    @Operation(summary = "Upload a material (PDF, JPEG or PNG by content; at most govhub.http.max-material-size);"
            + " 201 with its reference for the submission",
            description = "With govhub.materials.scan.clamd set, the content is scanned by ClamAV before it is stored:"
                    + " 422 MATERIAL_INFECTED when a signature matches, 503 MATERIAL_SCAN_UNAVAILABLE when the scanner"
                    + " gives no verdict (nothing is stored; retry). scannedBy names the engine and signature version"
                    + " that found it clean; null when no scanner is configured.")
    public ResponseEntity<MaterialJson> upload(@RequestParam("file") MultipartFile file,
                                               @RequestParam(required = false) String name) throws IOException {
        if (file == null || file.isEmpty()) {
            throw GovhubException.of(ErrorCode.REQUEST_PARAMETER_MISSING);
        }
        CaseStore.Material m = cases.uploadMaterial(actor(), name, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(HttpStatus.CREATED).body(material(m));
    }

    @GetMapping(path = "/{caseNumber}/materials/{ref}", produces = MediaType.ALL_VALUE)
    @Operation(summary = "Download a material of a case the caller may see (always as an attachment)")
    public ResponseEntity<byte[]> download(@PathVariable String caseNumber, @PathVariable String ref) {
        return io.govhub.gateway.web.MaterialDownloads.of(cases, actor(), caseNumber, ref);
    }

    @GetMapping("/board")
    @Operation(summary = "Supervisors' board: per division and handling system, cases submitted in [from, to]")
    public List<CaseService.BoardRow> board(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(required = false) String division) {
        if (to.isBefore(from) || from.plusDays(400).isBefore(to)) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("日期范围无效（最长 400 天）",
                    "Invalid date range (at most 400 days)"));
        }
        return cases.board(from, to, division);
    }

    static CaseJson toJson(CaseService.CaseView v, boolean withSteps) {
        HubCase c = v.c();
        List<StepJson> steps = withSteps ? v.steps().stream().map(CaseApi::step).toList() : null;
        return new CaseJson(c.caseNumber(), c.status().name(), c.status().label(), c.implementationCode(), c.itemName(),
                c.divisionCode(), c.partnerId(), c.channel(), new ApplicantJson(c.applicant().name(),
                c.applicant().idType(), c.applicant().idNumber(), c.applicant().phone()), c.submittedAt(),
                c.timeLimitWorkingDays(), c.promisedDate(), v.timeLimit().name(), v.workingDaysLeft(),
                c.pausedWorkingDays(), c.acceptedAt(), c.completedAt(), c.result(), steps,
                withSteps ? v.materials().stream().map(CaseApi::material).toList() : null);
    }

    private static StepJson step(CaseStep s) {
        return new StepJson(s.sequence(), s.type().name(), s.occurredAt(), s.receivedAt(), s.state(), s.problem(),
                s.details());
    }

    private static MaterialJson material(CaseStore.Material m) {
        return new MaterialJson(m.ref(), m.name(), m.fileName(), m.mediaType(), m.sizeBytes(), m.sha256(), m.scannedBy());
    }

    private static CaseStatus status(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("状态未知：" + s, "Unknown status " + s));
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** The body as received, for the message log; re-written from the parsed request only if it is not at hand. */
    private String received(Object body) {
        return io.govhub.gateway.web.ReceivedBodies.current().orElseGet(() -> write(body));
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            return String.valueOf(body);
        }
    }

    static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }
}
