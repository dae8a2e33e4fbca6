package io.faceclock.observe;

import io.faceclock.store.ScheduleRunStore;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * This node among the others on the database: its id, which node ran each schedule last (as
 * /sync/status last_runs), and the number of the last people change it has taken in. Optional: a
 * node is as healthy alone as in a cluster.
 */
public final class ClusterHealthCheck extends FaceclockHealthCheck {

    private final String nodeId;
    private final ScheduleRunStore runs;
    private final LongSupplier peopleVersion;

    public ClusterHealthCheck(String nodeId, ScheduleRunStore runs, LongSupplier peopleVersion) {
        super("cluster", false);
        this.nodeId = nodeId;
        this.runs = runs;
        this.peopleVersion = peopleVersion;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        builder.detail("node_id", nodeId);
        Map<String, Object> last = new LinkedHashMap<>();
        runs.all().forEach((route, run) -> last.put(route, Map.of("node_id", run.nodeId(),
                "at", DateTimeFormatter.ISO_INSTANT.format(run.lastRun().truncatedTo(ChronoUnit.SECONDS)),
                "runs", run.runs())));
        builder.detail("last_runs", last);
        builder.detail("people_version", peopleVersion.getAsLong());
        builder.up();
    }
}
