package io.faceclock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /sync/status and /observe/health say which node ran each schedule last, and how often it ran. */
class ScheduleRunsTest {

    @Test
    void every_scheduled_run_is_recorded_with_the_node_that_ran_it() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-runs"), null, "UTC",
                Map.of(Node.SETTING, "door-9", "faceclock.logs.purge-cron", "* * * * * ?"))) {
            Instant end = Instant.now().plusSeconds(20);
            JsonNode run = null;
            while (Instant.now().isBefore(end)) {
                JsonNode status = service.get("/api/v1/sync/status").data().get("odoo");
                assertEquals("door-9", status.get("node_id").asText());
                run = status.get("last_runs").get("purge-old-logs");
                if (run != null && run.get("runs").asLong() >= 2) {
                    break;
                }
                Thread.sleep(200);
            }
            assertTrue(run != null && run.get("runs").asLong() >= 2, "runs recorded: " + run);
            assertEquals("door-9", run.get("node_id").asText());
        }
    }

    @Test
    void health_details_name_this_node_and_the_node_that_ran_each_schedule() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-runs-health"), null,
                "UTC", Map.of(Node.SETTING, "door-7", "faceclock.logs.purge-cron", "* * * * * ?"))) {
            Instant end = Instant.now().plusSeconds(20);
            JsonNode cluster = null;
            while (Instant.now().isBefore(end)) {
                cluster = service.get("/observe/health").json().get("components").get("cluster");
                assertEquals("door-7", cluster.get("node_id").asText(), cluster.toString());
                if (cluster.get("last_runs").has("purge-old-logs")) {
                    break;
                }
                Thread.sleep(200);
            }
            JsonNode run = cluster.get("last_runs").get("purge-old-logs");
            assertTrue(run != null && run.get("runs").asLong() >= 1, "runs recorded: " + cluster);
            assertEquals("door-7", run.get("node_id").asText());
            assertTrue(Instant.parse(run.get("at").asText()).isAfter(Instant.now().minusSeconds(30)), run.toString());
            assertEquals("UP", cluster.get("status").asText());
            assertFalse(service.send("GET", "/observe/health", null, null).json().has("components"),
                    "without a key, the status alone");
        }
    }
}
