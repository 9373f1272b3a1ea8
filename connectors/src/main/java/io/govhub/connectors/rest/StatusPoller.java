package io.govhub.connectors.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.govhub.core.access.Actor;
import io.govhub.core.access.Role;
import io.govhub.core.caseflow.CaseService;
import io.govhub.core.caseflow.HubCase;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.caseflow.StatusMessage;
import io.govhub.core.caseflow.StatusMessageType;
import io.govhub.core.shared.GovhubException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Asks the partner systems that cannot push ({@code statusMode = POLL}) for the status messages of their open cases:
 * {@code GET {endpoint}/cases/{no}/messages?after={last applied sequence}}, and applies each as if that system had
 * pushed it (same ordering, duplicate and legality rules). A partner that does not answer is skipped until the next
 * round. Each partner is polled by one node at a time (a ShedLock lock per partner, kept for half the poll interval),
 * so N nodes do not ask a partner N times a round; different partners may be polled by different nodes.
 */
public class StatusPoller {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPoller.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final PartnerRegistry partners;
    private final CaseService cases;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;
    private final io.govhub.core.shared.SingletonJobs jobs;
    private final Duration interval;

    public StatusPoller(PartnerRegistry partners, CaseService cases, Duration timeout,
                        io.govhub.core.shared.SingletonJobs jobs, Duration interval) {
        this.partners = partners;
        this.cases = cases;
        this.timeout = timeout;
        this.jobs = jobs;
        this.interval = interval;
    }

    /** One round over every polled partner; returns the number of messages applied. */
    public int poll() {
        int applied = 0;
        for (PartnerSystem p : partners.partners()) {
            if (p.enabled() && "POLL".equals(p.statusMode()) && "REST".equals(p.protocol())) {
                int[] n = {0};
                // if this node dies while polling, another takes over at most two minutes later (a round that
                // really takes longer may then overlap with another node's: harmless, status messages are idempotent)
                jobs.run("status-poll:" + p.id(), Duration.ofMinutes(2).plus(interval), interval.dividedBy(2),
                        () -> n[0] = poll(p));
                applied += n[0];
            }
        }
        return applied;
    }

    private int poll(PartnerSystem p) {
        Actor actor = new Actor(p.id(), p.name(), Set.of(Role.PARTNER_SYSTEM), p.divisionCode(), null);
        int applied = 0;
        for (HubCase c : cases.openCasesOf(p.id(), 200)) {
            try {
                String url = p.endpoint() + "/cases/" + URLEncoder.encode(c.caseNumber(), StandardCharsets.UTF_8)
                        + "/messages?after=" + c.lastSequence();
                HttpResponse<String> res = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (res.statusCode() != 200) {
                    LOG.debug("Polling {} for {}: HTTP {}", p.id(), c.caseNumber(), res.statusCode());
                    return applied;
                }
                for (JsonNode m : JSON.readTree(res.body())) {
                    Map<String, Object> details = new LinkedHashMap<>();
                    m.path("details").fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
                    StatusMessage msg = new StatusMessage(m.path("eventId").asText(), m.path("sequence").asInt(),
                            StatusMessageType.valueOf(m.path("type").asText()), Instant.parse(m.path("occurredAt").asText()),
                            details);
                    cases.applyStatus(actor, c.caseNumber(), msg, m.toString());
                    applied++;
                }
            } catch (GovhubException rejected) {
                LOG.warn("Polled status message of {} from {} rejected: {}", c.caseNumber(), p.id(), rejected.getMessage());
            } catch (java.io.IOException | RuntimeException e) {
                LOG.debug("Polling {} failed: {}", p.id(), e.toString());
                return applied;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return applied;
            }
        }
        return applied;
    }
}
