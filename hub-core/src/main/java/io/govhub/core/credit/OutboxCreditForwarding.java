package io.govhub.core.credit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.govhub.core.caseflow.PartnerRegistry;
import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.delivery.DeliveryOutbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Credit records, revocations and repairs go to every enabled partner with the CREDIT_FORWARD operation, through the
 * delivery outbox (ref {@code credit-<record id>}: in order per record), in the caller's transaction.
 */
public class OutboxCreditForwarding implements CreditForwarding {

    /** The operation a partner system registers to receive credit records. */
    public static final String OPERATION = "CREDIT_FORWARD";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PartnerRegistry registry;
    private final DeliveryOutbox outbox;

    public OutboxCreditForwarding(PartnerRegistry registry, DeliveryOutbox outbox) {
        this.registry = registry;
        this.outbox = outbox;
    }

    @Override
    public void forward(String kind, long recordId, Map<String, Object> payload) {
        forwardAll(kind, List.of(new Item(recordId, payload)));
    }

    /** The partners are read once for the whole list, and each partner's messages written in one statement. */
    @Override
    public void forwardAll(String kind, List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        List<PartnerSystem> targets = registry.partners().stream()
                .filter(p -> p.enabled() && p.operations().contains(OPERATION)).toList();
        if (targets.isEmpty()) {
            return;
        }
        List<String> refs = new ArrayList<>(items.size());
        List<String> bodies = new ArrayList<>(items.size());
        for (Item item : items) {
            Map<String, Object> body = new LinkedHashMap<>(item.payload());
            body.put("recordId", item.recordId());
            refs.add("credit-" + item.recordId());
            try {
                bodies.add(JSON.writeValueAsString(body));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        for (PartnerSystem p : targets) {
            outbox.enqueueAll(kind, p.id(), refs, bodies);
        }
    }
}
