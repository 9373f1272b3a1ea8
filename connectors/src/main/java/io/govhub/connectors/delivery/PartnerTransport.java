package io.govhub.connectors.delivery;

import io.govhub.core.caseflow.PartnerSystem;
import io.govhub.core.delivery.OutboxEntry;

/** Sends one outbox message to a partner system over one protocol. */
public interface PartnerTransport {

    /** REST or SOAP. */
    String protocol();

    /** Sends {@code e}; returns the partner's answer body. Throws {@link DeliveryFailure} when it was not delivered. */
    String send(PartnerSystem partner, OutboxEntry e) throws DeliveryFailure;

    /** Why a message was not delivered, and whether that is about the partner being unreachable or about the message. */
    final class DeliveryFailure extends Exception {
        /** How the failure counts. */
        public enum Kind {
            /** Not reachable, timed out, 502/503/504, 429: an outage. Retried without spending the retry budget. */
            UNREACHABLE,
            /** The partner answered with an error that may pass (500…): retried, spending the budget. */
            RETRYABLE,
            /** The partner refused the message (400, 404, 409, 422…): retrying cannot help; dead at once. */
            PERMANENT
        }

        private final Kind kind;

        public DeliveryFailure(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }
}
