package io.govhub.gateway.ui;

import io.govhub.connectors.delivery.DeliveryRelay;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.caseflow.Applicant;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.CaseStatus;
import io.govhub.core.caseflow.CaseSubmission;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.division.Division;
import io.govhub.core.division.DivisionService;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.GovhubException;
import io.govhub.gateway.security.CurrentActor;
import io.govhub.guide.lifecycle.GuideService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The pages of case handling: the hall window (受理) with the county's queue, the applicant's own cases and online
 * application, a case with its steps, the public status check, the supervisors' board, and the administrators'
 * connections page (partners, routing, dead letter with replay, message log check).
 */
@Controller
public class CasePageController {

    private final CaseService cases;
    private final GuideService guides;
    private final DivisionService divisions;
    private final PartnerRegistry registry;
    private final DeliveryOutbox outbox;
    private final DeliveryRelay relay;
    private final MessageLog messageLog;
    private final AuditPort audit;
    private final long maxMaterial;

    public CasePageController(CaseService cases, GuideService guides, DivisionService divisions, PartnerRegistry registry,
                              DeliveryOutbox outbox, DeliveryRelay relay, MessageLog messageLog, AuditPort audit,
                              io.govhub.gateway.config.GovhubProperties props) {
        this.maxMaterial = props.http().maxMaterialSize().toBytes();
        this.cases = cases;
        this.guides = guides;
        this.divisions = divisions;
        this.registry = registry;
        this.outbox = outbox;
        this.relay = relay;
        this.messageLog = messageLog;
        this.audit = audit;
    }

    // ------------------------------------------------------------------------------- hall and applicant

    @GetMapping("/hall")
    public String hall(@RequestParam(required = false) String status, Model model) {
        Actor a = actor();
        form(model, a, "/hall/cases");
        model.addAttribute("cases", cases.list(a, status(status), null, 200));
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("divisionName", divisions.all().stream().filter(d -> d.code().equals(a.divisionCode()))
                .map(Division::name).findFirst().orElse(a.divisionCode()));
        return "hall";
    }

    @GetMapping("/my-cases")
    public String myCases(Model model) {
        Actor a = actor();
        form(model, a, "/my-cases/cases");
        model.addAttribute("cases", cases.list(a, null, null, 200));
        return "my-cases";
    }

    @PostMapping({"/hall/cases", "/my-cases/cases"})
    public String submit(@RequestParam String idempotencyKey, @RequestParam(required = false) String implementationCode,
                         @RequestParam(required = false) String division, @RequestParam(required = false) String name,
                         @RequestParam(required = false) String idType, @RequestParam(required = false) String idNumber,
                         @RequestParam(required = false) String phone,
                         @RequestParam(required = false) MultipartFile material,
                         @RequestParam(required = false) String materialName, Model model,
                         RedirectAttributes redirect) throws IOException {
        Actor a = actor();
        String back = a.has(Role.HALL_CLERK) ? "hall" : "my-cases";
        try {
            List<String> refs = new ArrayList<>();
            if (material != null && material.getSize() > maxMaterial) {
                throw new GovhubException(ErrorCode.REQUEST_TOO_LARGE, io.govhub.core.shared.Text.of(
                        "材料文件超过 " + maxMaterial / 1024 / 1024 + " MB", "The material exceeds the size limit"));
            }
            if (material != null && !material.isEmpty()) {
                refs.add(cases.uploadMaterial(a, materialName, material.getOriginalFilename(), material.getBytes()).ref());
            }
            CaseService.Submitted s = cases.submit(a, idempotencyKey, new CaseSubmission(implementationCode, division,
                    name, idType, idNumber, phone, refs), "web form: " + implementationCode + " " + division);
            redirect.addFlashAttribute("message", s.replayed() ? "该申请已提交过（重复提交不会生成新的办件）。"
                    : "已受理申请，办件编号 " + s.c().caseNumber() + "，正在推送至 " + s.c().partnerId() + "。");
            return "redirect:/cases/" + s.c().caseNumber();
        } catch (GovhubException e) {
            form(model, a, "/" + back + "/cases");
            model.addAttribute("error", e.text().zh());
            model.addAttribute("problems", e.problems().stream().map(p -> p.field() + "：" + p.message().zh()).toList());
            model.addAttribute("filled", Map.of("implementationCode", nz(implementationCode), "division", nz(division),
                    "name", nz(name), "idType", nz(idType), "idNumber", nz(idNumber), "phone", nz(phone)));
            model.addAttribute("cases", cases.list(a, null, null, 200));
            model.addAttribute("status", "");
            model.addAttribute("statuses", CaseStatus.values());
            model.addAttribute("divisionName", a.divisionCode());
            model.addAttribute("formError", true);
            return back;
        }
    }

    private void form(Model model, Actor a, String action) {
        String county = a.divisionCode();
        List<Map<String, String>> items = new ArrayList<>();
        guides.catalog().stream()
                .filter(g -> county == null || "371300".equals(g.content().divisionCode())
                        || county.equals(g.content().divisionCode()))
                .forEach(g -> items.add(Map.of("code", g.implementationCode(), "name", g.content().name(),
                        "org", g.organisationName() == null ? "" : g.organisationName())));
        model.addAttribute("items", items);
        model.addAttribute("action", action);
        model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
        model.addAttribute("idTypes", Applicant.IdType.values());
        model.addAttribute("counties", divisions.all().stream().filter(d -> "371300".equals(d.parentCode())
                || "371300".equals(d.code())).toList());
        model.addAttribute("defaultDivision", county == null ? "371302" : county);
        if (!model.containsAttribute("filled")) {
            model.addAttribute("filled", Map.of());
        }
    }

    // ----------------------------------------------------------------------------------------- one case

    @GetMapping("/cases/{caseNumber}")
    public String one(@PathVariable String caseNumber, Model model) {
        CaseService.CaseView v = cases.find(actor(), caseNumber);
        model.addAttribute("v", v);
        model.addAttribute("c", v.c());
        model.addAttribute("partner", registry.partner(v.c().partnerId()).map(p -> p.name()).orElse(v.c().partnerId()));
        return "case";
    }

    @PostMapping("/cases/{caseNumber}/withdrawal")
    public String withdraw(@PathVariable String caseNumber, @RequestParam(required = false) String reason,
                           RedirectAttributes redirect) {
        cases.withdraw(actor(), caseNumber, reason);
        redirect.addFlashAttribute("message", "办件已撤回，已通知办理系统。");
        return "redirect:/cases/" + caseNumber;
    }

    @GetMapping("/cases/{caseNumber}/materials/{ref}")
    public ResponseEntity<byte[]> material(@PathVariable String caseNumber, @PathVariable String ref) {
        return io.govhub.gateway.web.MaterialDownloads.of(cases, actor(), caseNumber, ref);
    }

    // ---------------------------------------------------------------------------------------- public

    @GetMapping("/track")
    public String track(@RequestParam(required = false) String caseNumber, @RequestParam(required = false) String phoneLast4,
                        Model model, jakarta.servlet.http.HttpServletRequest request,
                        jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("caseNumber", nz(caseNumber));
        if (caseNumber != null && !caseNumber.isBlank()) {
            try {
                CaseService.CaseView v = cases.publicStatus(caseNumber.strip(), phoneLast4, request.getRemoteAddr());
                model.addAttribute("v", v);
            } catch (io.govhub.core.shared.RateLimiter.Limited e) {
                response.setStatus(429);
                response.setHeader("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
                model.addAttribute("error", e.text().zh());
            } catch (GovhubException e) {
                // the same answer for a wrong number and a wrong phone
                model.addAttribute("error", e.code() == ErrorCode.CASE_NOT_FOUND
                        ? "未找到该办件：请核对办件编号和手机号码后四位。" : e.text().zh());
            }
        }
        return "track";
    }

    // ---------------------------------------------------------------------------------- supervision

    @GetMapping("/supervision/cases")
    public String board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        Model model) {
        LocalDate today = LocalDate.now(PageController.CHINA);
        LocalDate f = from != null ? from : today.minusDays(30);
        LocalDate t = to != null ? to : today;
        List<CaseService.BoardRow> rows = cases.board(f, t, null);
        Map<String, String> names = new LinkedHashMap<>();
        divisions.all().forEach(d -> names.put(d.code(), d.name()));
        registry.partners().forEach(p -> names.put("partner:" + p.id(), p.name()));
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("rows", rows);
        model.addAttribute("names", names);
        model.addAttribute("max", Math.max(1, rows.stream().mapToLong(CaseService.BoardRow::total).max().orElse(1)));
        model.addAttribute("total", rows.stream().mapToLong(CaseService.BoardRow::total).sum());
        model.addAttribute("overdue", rows.stream().mapToLong(CaseService.BoardRow::overdue).sum());
        model.addAttribute("near", rows.stream().mapToLong(CaseService.BoardRow::nearLimit).sum());
        return "case-board";
    }

    // ------------------------------------------------------------------------------------------ admin

    @GetMapping("/admin/connections")
    public String connections(Model model) {
        model.addAttribute("partners", registry.partners());
        model.addAttribute("circuits", relay.circuits());
        model.addAttribute("routes", registry.rules());
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("dead", outbox.list("DEAD", 100));
        model.addAttribute("log", messageLog.recent(30));
        model.addAttribute("chain", messageLog.verify());
        model.addAttribute("divisions", divisions.all());
        return "connections";
    }

    /** ADMIN changes a partner's endpoint, or switches it on or off; in effect at once on every node, audited. */
    @PostMapping("/admin/partners/{id}")
    public String updatePartner(@PathVariable String id, @RequestParam int version, @RequestParam String endpoint,
                                @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        io.govhub.core.caseflow.PartnerSystem p = registry.partner(id)
                .orElseThrow(() -> GovhubException.of(ErrorCode.PARTNER_NOT_FOUND));
        try {
            registry.save(io.govhub.core.caseflow.PartnerSystem.checked(p.id(), p.name(), p.level(), p.divisionCode(),
                    p.protocol(), endpoint, p.credentialsRef(), p.operations(), p.statusMode(), p.logBodies(), enabled,
                    version, d -> true), version, CurrentActor.username());
        } catch (GovhubException e) {
            redirect.addFlashAttribute("error", problems(e));
            return "redirect:/admin/connections";
        }
        audit.record(AuditEvent.of("PARTNER_CHANGED", CurrentActor.username(), null, Map.of("partner", id,
                "endpoint", endpoint.strip(), "enabled", enabled)));
        redirect.addFlashAttribute("message", "已保存对接系统 " + id + "（立即生效）。");
        return "redirect:/admin/connections";
    }

    /** ADMIN registers a partner system; in effect at once on every node, audited. */
    @PostMapping("/admin/partners")
    public String addPartner(@RequestParam String id, @RequestParam String name, @RequestParam String level,
                             @RequestParam String division, @RequestParam String protocol, @RequestParam String endpoint,
                             @RequestParam(required = false) java.util.Set<String> operations,
                             @RequestParam(defaultValue = "PUSH") String statusMode, RedirectAttributes redirect) {
        try {
            io.govhub.core.caseflow.PartnerSystem p = io.govhub.core.caseflow.PartnerSystem.checked(id.strip(), name, level,
                    division, protocol, endpoint, null, operations, statusMode, true, true, null,
                    d -> divisions.all().stream().anyMatch(x -> x.code().equals(d)));
            registry.save(p, null, CurrentActor.username());
            audit.record(AuditEvent.of("PARTNER_CREATED", CurrentActor.username(), null, Map.of("partner", p.id(),
                    "endpoint", p.endpoint())));
            redirect.addFlashAttribute("message", "已登记对接系统 " + p.id() + "（立即生效）。");
        } catch (GovhubException e) {
            redirect.addFlashAttribute("error", problems(e));
        }
        return "redirect:/admin/connections";
    }

    /** ADMIN adds or replaces the rule of a (pattern, division). */
    @PostMapping("/admin/routes")
    public String addRoute(@RequestParam String pattern, @RequestParam String division, @RequestParam String partner,
                           @RequestParam(required = false) Integer timeLimitWorkingDays, RedirectAttributes redirect) {
        io.govhub.core.caseflow.RouteRule r;
        try {
            r = registry.saveRule(io.govhub.core.caseflow.RouteRule.checked(pattern, division, partner, timeLimitWorkingDays,
                    d -> divisions.all().stream().anyMatch(x -> x.code().equals(d)), id -> registry.partner(id).isPresent()),
                    CurrentActor.username());
        } catch (GovhubException e) {
            redirect.addFlashAttribute("error", problems(e));
            return "redirect:/admin/connections";
        }
        audit.record(AuditEvent.of("ROUTE_SAVED", CurrentActor.username(), null, Map.of("pattern", r.codePattern(),
                "division", r.divisionCode(), "partner", r.partnerId())));
        redirect.addFlashAttribute("message", "已保存路由规则 " + r.codePattern() + " @ " + r.divisionCode() + "。");
        return "redirect:/admin/connections";
    }

    @PostMapping("/admin/routes/{id}/delete")
    public String deleteRoute(@PathVariable long id, RedirectAttributes redirect) {
        if (registry.deleteRule(id)) {
            audit.record(AuditEvent.of("ROUTE_DELETED", CurrentActor.username(), null, Map.of("id", id)));
            redirect.addFlashAttribute("message", "已删除路由规则。");
        }
        return "redirect:/admin/connections";
    }

    @PostMapping("/admin/deliveries/{id}/replay")
    public String replay(@PathVariable long id, RedirectAttributes redirect) {
        if (outbox.replay(id, CurrentActor.username())) {
            audit.record(AuditEvent.of("DELIVERY_REPLAYED", CurrentActor.username(), null, Map.of("outboxId", id)));
            relay.deliver(id);
            redirect.addFlashAttribute("message", "已重新投递第 " + id + " 号消息。");
        } else {
            redirect.addFlashAttribute("message", "第 " + id + " 号消息不在死信中。");
        }
        return "redirect:/admin/connections";
    }

    private static String problems(GovhubException e) {
        return e.text().zh() + "：" + String.join("；", e.problems().stream()
                .map(x -> x.field() + " " + x.message().zh()).toList());
    }

    private static CaseStatus status(String s) {
        try {
            return s == null || s.isBlank() ? null : CaseStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Actor actor() {
        return CurrentActor.get().orElseThrow(() -> GovhubException.of(ErrorCode.AUTHENTICATION_REQUIRED));
    }
}
