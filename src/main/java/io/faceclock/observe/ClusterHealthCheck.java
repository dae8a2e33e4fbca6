package io.faceclock.observe;

import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * This node among the others on the database: its id, which node ran each schedule last (as
 * /sync/status last_runs), and the number of the last people change it has taken in. Optional: a
 * node is as healthy alone as in a cluster.
 */
public final class ClusterHealthCheck extends FaceclockHealthCheck {

    private final String nodeId;
    private final Supplier<Map<String, Object>> lastRuns;
    private final LongSupplier peopleVersion;

    public ClusterHealthCheck(String nodeId, Supplier<Map<String, Object>> lastRuns, LongSupplier peopleVersion) {
        super("cluster", false);
        this.nodeId = nodeId;
        this.lastRuns = lastRuns;
        this.peopleVersion = peopleVersion;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        builder.detail("node_id", nodeId);
        builder.detail("last_runs", lastRuns.get());
        builder.detail("people_version", peopleVersion.getAsLong());
        builder.up();
    }
}
