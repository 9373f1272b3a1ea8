package io.govhub.gateway.api;

import io.govhub.connectors.delivery.DeliveryRelay;
import io.govhub.core.audit.AuditEvent;
import io.govhub.core.audit.AuditPort;
import io.govhub.core.audit.MessageLog;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.caseflow.RouteRule;
import io.govhub.core.delivery.DeliveryOutbox;
import io.govhub.core.delivery.OutboxEntry;
import io.govhub.core.division.DivisionDirectory;
import io.govhub.core.shared.ErrorCode;
import io.govhub.core.shared.FieldProblem;
import io.govhub.core.shared.GovhubException;
import io.govhub.core.shared.Text;
import io.govhub.gateway.security.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Administration of the hub's connections (ADMIN only): partner systems, the routing table, the delivery dead letter
 * with replay, and the message log with its chain verification. Every change takes effect on every node at once and
 * is audited.
 */
@RestController
@RequestMapping(path = "/api/v1/admin", produces = "application/json")
@Tag(name = "admin", description = "对接系统、路由表、死信、报文日志 Partners, routing, dead letter, message log")
public class HubAdminApi {

    /** A partner system as ADMIN writes it; {@code version} is required to update (optimistic locking). */
    public record PartnerJson(String id, String name, String level, String division, String protocol, String endpoint,
                              String credentialsRef, Set<String> operations, String statusMode, Boolean logBodies,
                              Boolean enabled, Integer version) {
    }

    public record RouteJson(Long id, String pattern, String division, String partner, Integer timeLimitWorkingDays) {
    }

    private final PartnerRegistry registry;
    private final DeliveryOutbox outbox;
    private final DeliveryRelay relay;
    private final MessageLog messageLog;
    private final DivisionDirectory divisions;
    private final AuditPort audit;

    public HubAdminApi(PartnerRegistry registry, DeliveryOutbox outbox, DeliveryRelay relay, MessageLog messageLog,
                       DivisionDirectory divisions, AuditPort audit) {
        this.registry = registry;
        this.outbox = outbox;
        this.relay = relay;
        this.messageLog = messageLog;
        this.divisions = divisions;
        this.audit = audit;
    }

    @GetMapping("/partners")
    @Operation(summary = "Partner systems, with the circuit state this node sees")
    public List<Map<String, Object>> partners() {
        Map<String, String> circuits = relay.circuits();
        return registry.partners().stream().map(p -> Map.<String, Object>of("partner", toJson(p),
                "circuit", circuits.getOrDefault(p.id(), "CLOSED"))).toList();
    }

    @PostMapping(path = "/partners", consumes = "application/json")
    @Operation(summary = "Register a partner system")
    public ResponseEntity<PartnerJson> addPartner(@RequestBody PartnerJson body) {
        PartnerSystem p = check(body, body.id());
        registry.save(p, null, CurrentActor.username());
        audit.record(AuditEvent.of("PARTNER_CREATED", CurrentActor.username(), null, Map.of("partner", p.id(),
                "endpoint", p.endpoint())));
        return ResponseEntity.created(URI.create("/api/v1/admin/partners/" + p.id()))
                .body(toJson(registry.partner(p.id()).orElseThrow()));
    }

    @PutMapping(path = "/partners/{id}", consumes = "application/json")
    @Operation(summary = "Change a partner system (send the version you read)")
    public PartnerJson updatePartner(@PathVariable String id, @RequestBody PartnerJson body) {
        registry.partner(id).orElseThrow(() -> GovhubException.of(ErrorCode.PARTNER_NOT_FOUND));
        if (body.version() == null) {
            throw new GovhubException(ErrorCode.REQUEST_FIELD_INVALID, Text.of("缺少 version", "version is required"));
        }
        PartnerSystem p = check(body, id);
        registry.save(p, body.version(), CurrentActor.username());
        audit.record(AuditEvent.of("PARTNER_CHANGED", CurrentActor.username(), null, Map.of("partner", id,
                "endpoint", p.endpoint(), "enabled", p.enabled())));
        return toJson(registry.partner(id).orElseThrow());
    }

    @GetMapping("/routes")
    @Operation(summary = "The routing table")
    public List<RouteJson> routes() {
        return registry.rules().stream().map(r -> new RouteJson(r.id(), r.codePattern(), r.divisionCode(), r.partnerId(),
                r.timeLimitWorkingDays())).toList();
    }

    @PostMapping(path = "/routes", consumes = "application/json")
    @Operation(summary = "Add or replace the rule of a (pattern, division)")
    public ResponseEntity<RouteJson> addRoute(@RequestBody RouteJson body) {
        RouteRule r = registry.saveRule(RouteRule.checked(body.pattern(), body.division(), body.partner(),
                body.timeLimitWorkingDays(), d -> divisions.find(d).isPresent(), id -> registry.partner(id).isPresent()),
                CurrentActor.username());
        audit.record(AuditEvent.of("ROUTE_SAVED", CurrentActor.username(), null, Map.of("pattern", r.codePattern(),
                "division", r.divisionCode(), "partner", r.partnerId())));
        return ResponseEntity.status(HttpStatus.CREATED).body(new RouteJson(r.id(), r.codePattern(), r.divisionCode(),
                r.partnerId(), r.timeLimitWorkingDays()));
    }

    @DeleteMapping("/routes/{id}")
    @Operation(summary = "Remove a rule")
    public ResponseEntity<Void> deleteRoute(@PathVariable long id) {
        if (!registry.deleteRule(id)) {
            throw GovhubException.of(ErrorCode.RESOURCE_NOT_FOUND);
        }
        audit.record(AuditEvent.of("ROUTE_DELETED", CurrentActor.username(), null, Map.of("id", id)));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/deliveries")
    @Operation(summary = "Outbox messages by status (DEAD: the dead letter; PENDING: waiting), with counts")
    public Map<String, Object> deliveries(@RequestParam(defaultValue = "DEAD") String status,
                                          @RequestParam(defaultValue = "100") int limit) {
        if (!Set.of("DEAD", "PENDING", "DELIVERED").contains(status)) {
            throw new GovhubException(ErrorCode.REQUEST_PARAMETER_INVALID, Text.of("status 应为 DEAD、PENDING 或 DELIVERED",
                    "status must be DEAD, PENDING or DELIVERED"));
        }
        List<OutboxEntry> entries = outbox.list(status, limit);
        return Map.of("counts", outbox.counts(), "entries", entries.stream().map(e -> Map.of("id", e.id(), "kind", e.kind(),
                "partner", e.partnerId(), "ref", e.ref(), "attempts", e.attempts(), "lastError",
                e.lastError() == null ? "" : e.lastError(), "createdAt", e.createdAt().toString())).toList());
    }

    @GetMapping("/deliveries/latency")
    @Operation(summary = "Delivery latency (queued → acknowledged by the partner) of messages queued since a time")
    public DeliveryOutbox.Latency latency(@RequestParam java.time.Instant since) {
        return outbox.latency(since);
    }

    @PostMapping("/deliveries/{id}/replay")
    @Operation(summary = "Send a dead message again with a fresh retry budget")
    public Map<String, Object> replay(@PathVariable long id) {
        if (!outbox.replay(id, CurrentActor.username())) {
            throw GovhubException.of(ErrorCode.DELIVERY_NOT_FOUND);
        }
        audit.record(AuditEvent.of("DELIVERY_REPLAYED", CurrentActor.username(), null, Map.of("outboxId", id)));
        relay.deliver(id);
        return Map.of("id", id, "replayed", true);
    }

    @GetMapping("/message-log/verify")
    @Operation(summary = "Check the message log's hash chain: a changed, removed or inserted record breaks it")
    public MessageLog.Verification verifyMessageLog() {
        MessageLog.Verification v = messageLog.verify();
        audit.record(AuditEvent.of(v.valid() ? "MESSAGE_LOG_VERIFIED" : "MESSAGE_LOG_VERIFIED_failed",
                CurrentActor.username(), null, Map.of("records", v.records(), "valid", v.valid())));
        return v;
    }

    @GetMapping("/message-log")
    @Operation(summary = "Message log records, newest first, or those of one case")
    public List<MessageLog.Logged> messageLog(@RequestParam(required = false) String caseNumber,
                                              @RequestParam(defaultValue = "100") int limit) {
        return caseNumber == null ? messageLog.recent(limit) : messageLog.forCase(caseNumber);
    }

    private PartnerSystem check(PartnerJson b, String id) {
        return PartnerSystem.checked(id, b.name(), b.level(), b.division(), b.protocol(), b.endpoint(), b.credentialsRef(),
                b.operations(), b.statusMode(), b.logBodies(), b.enabled(), b.version(), d -> divisions.find(d).isPresent());
    }

    static PartnerJson toJson(PartnerSystem p) {
        return new PartnerJson(p.id(), p.name(), p.level(), p.divisionCode(), p.protocol(), p.endpoint(), p.credentialsRef(),
                p.operations(), p.statusMode(), p.logBodies(), p.enabled(), p.version());
    }
}
