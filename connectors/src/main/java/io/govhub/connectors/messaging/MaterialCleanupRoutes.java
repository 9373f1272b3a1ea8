package io.govhub.connectors.messaging;

import io.govhub.core.caseflow.CaseService;
import io.govhub.core.shared.SingletonJobs;
import org.apache.camel.builder.RouteBuilder;

import java.time.Duration;

/**
 * {@code material-cleanup}: every hour, on one node (ShedLock), deletes uploaded materials (申请材料) that no case took
 * within {@code govhub.cases.unattached-material-ttl} (24 h): an applicant who uploaded an ID card and never
 * submitted leaves no personal document behind.
 */
public class MaterialCleanupRoutes extends RouteBuilder {

    private final CaseService cases;
    private final SingletonJobs jobs;
    private final Duration keep;

    public MaterialCleanupRoutes(CaseService cases, SingletonJobs jobs, Duration keep) {
        this.cases = cases;
        this.jobs = jobs;
        this.keep = keep;
    }

    /** Deletes the expired unattached uploads unless another node is at it; returns how many. */
    public int removeExpired() {
        int[] n = {0};
        jobs.run("material-cleanup", Duration.ofMinutes(30), Duration.ofMinutes(5), () -> n[0] = cases.removeUnattachedMaterials(keep));
        return n[0];
    }

    @Override
    public void configure() {
        from("timer:material-cleanup?delay=120000&period=3600000")
                .routeId("material-cleanup")
                .bean(this, "removeExpired");
    }
}
