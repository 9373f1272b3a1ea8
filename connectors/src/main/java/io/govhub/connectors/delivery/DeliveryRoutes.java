package io.govhub.connectors.delivery;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;

/**
 * The delivery routes. {@code delivery-sweep}: every node sweeps the outbox for what is due (retries, and messages
 * the committing node did not send at once, see DeliveryConfiguration). Routes only call the relay; the error policy
 * is the relay's. {@code status-poll}: asks the partners that cannot push for their status messages.
 */
public class DeliveryRoutes extends RouteBuilder {

    private final DeliveryRelay relay;
    private final long sweepMillis;

    private final io.govhub.connectors.rest.StatusPoller poller;
    private final long pollMillis;

    public DeliveryRoutes(DeliveryRelay relay, long sweepMillis, io.govhub.connectors.rest.StatusPoller poller,
                          long pollMillis) {
        this.relay = relay;
        this.sweepMillis = sweepMillis;
        this.poller = poller;
        this.pollMillis = pollMillis;
    }

    @Override
    public void configure() {
        onException(Exception.class).handled(true)
                .log(LoggingLevel.WARN, "Delivery route ${routeId} failed: ${exception.message}");

        from("timer:delivery-sweep?delay=2000&period=" + sweepMillis)
                .routeId("delivery-sweep")
                .bean(relay, "sweep");

        from("timer:status-poll?delay=3000&period=" + pollMillis)
                .routeId("status-poll")
                .bean(poller, "poll");
    }
}
