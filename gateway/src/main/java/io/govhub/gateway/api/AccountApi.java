package io.govhub.gateway.api;

import io.govhub.core.access.Actor;
import io.govhub.core.audit.AuditPort;
import io.govhub.gateway.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping(path = "/api/v1", produces = "application/json")
@Tag(name = "accounts", description = "当前账号与审计 The signed-in account and the audit log")
public class AccountApi {

    public record MeJson(String username, String displayName, List<String> roles, String divisionCode,
                         String organisationUscc) {
    }

    public record AuditJson(long id, Instant at, String event, String user, String reason, Map<String, Object> data) {
    }

    private final AuditPort audit;

    public AccountApi(AuditPort audit) {
        this.audit = audit;
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in account: roles and the division it acts for")
    public MeJson me() {
        Actor a = CurrentActor.get().orElseThrow();
        return new MeJson(a.username(), a.displayName(), a.roles().stream().map(Enum::name).sorted().toList(),
                a.divisionCode(), a.organisationUscc());
    }

    @GetMapping("/audit/verify")
    @Operation(summary = "Check the audit log's hash chain (ADMIN): valid, events checked, the first event that breaks it")
    public io.govhub.core.audit.AuditChain.Verification verify() {
        return audit.verify();
    }

    @GetMapping("/audit")
    @Operation(summary = "Recent audit events, newest first (ADMIN)")
    public List<AuditJson> audit(@RequestParam(defaultValue = "50") int limit) {
        return audit.recent(limit).stream().map(r -> new AuditJson(r.id(), r.at(), r.event().event(),
                r.event().user(), r.event().reason(), r.event().data())).toList();
    }
}
