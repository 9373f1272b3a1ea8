package io.govhub.connectors.messaging;

import io.govhub.core.audit.MessageLog;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code message-log-seal}: every second, links the message-log records committed since into the hash chain. Every
 * node runs it; the chain head's row lock lets one seal at a time, the others find nothing left to do.
 */
public class MessageLogRoutes extends RouteBuilder {

    private final MessageLog log;

    public MessageLogRoutes(MessageLog log) {
        this.log = log;
    }

    @Override
    public void configure() {
        from("timer:message-log-seal?delay=1000&period=1000")
                .routeId("message-log-seal")
                .bean(log, "seal");
    }
}
