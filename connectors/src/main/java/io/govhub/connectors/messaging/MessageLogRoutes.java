package io.govhub.connectors.messaging;

import io.govhub.core.audit.MessageLog;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@code message-log-seal}: every second, links the message-log records committed since into the hash chain. Every
 * node runs it; the chain head's row lock lets one seal at a time, the others find nothing left to do.
 * {@code message-log-archive}: every hour, on one node (ShedLock), moves records older than the retention to the
 * archive table (chain kept).
 */
public class MessageLogRoutes extends RouteBuilder {

    private final MessageLog log;
    private final java.time.Duration retention;
    private final io.govhub.core.shared.SingletonJobs jobs;

    public MessageLogRoutes(MessageLog log, java.time.Duration retention, io.govhub.core.shared.SingletonJobs jobs) {
        this.log = log;
        this.retention = retention;
        this.jobs = jobs;
    }

    /** Archives what is older than the retention, unless another node is at it; returns how many records moved. */
    public int archiveOld() {
        int[] total = {0};
        jobs.run("message-log-archive", java.time.Duration.ofMinutes(30), java.time.Duration.ofMinutes(5), () -> {
            int n;
            do {
                n = log.archive(java.time.Instant.now().minus(retention));
                total[0] += n;
            } while (n == 50_000);
        });
        return total[0];
    }

    @Override
    public void configure() {
        from("timer:message-log-seal?delay=1000&period=1000")
                .routeId("message-log-seal")
                .bean(log, "seal");

        from("timer:message-log-archive?delay=60000&period=3600000")
                .routeId("message-log-archive")
                .bean(this, "archiveOld");
    }
}
