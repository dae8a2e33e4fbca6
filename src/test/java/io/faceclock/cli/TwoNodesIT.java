package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.json.Json;
import io.faceclock.support.RunningService;
import io.faceclock.support.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Two packaged-jar nodes on one PostgreSQL: a schedule firing every second fires once per second
 * across both (Quartz's clustered store), and when one node is killed the other carries on.
 */
class TwoNodesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ROUTE = "purge-old-logs";

    @Test
    void a_schedule_fires_on_one_node_at_a_time_and_the_other_takes_over_when_one_is_killed() throws Exception {
        String db = TestDatabases.freshPostgres();
        Path work = Files.createTempDirectory("faceclock-two-nodes-it");
        int portA = RunningService.freePort();
        int portB = RunningService.freePort();
        Process a = node(work, "node-a", portA, db);
        Process b = null;
        try {
            waitHealthy(portA, a, work.resolve("node-a.log"));
            b = node(work, "node-b", portB, db);
            waitHealthy(portB, b, work.resolve("node-b.log"));
            String key = Files.readString(work.resolve("node-a").resolve("admin-api-key.txt")).trim();

            long before = runs(portB, key);
            long t0 = System.nanoTime();
            Thread.sleep(10_000);
            long fired = runs(portB, key) - before;
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("two nodes: %d runs of a 1-second schedule in %.1f s%n", fired, seconds);
            assertTrue(fired >= seconds / 2 && fired <= seconds * 1.5, "once a second across both nodes, not twice: "
                    + fired + " in " + seconds + " s");

            a.destroyForcibly();
            a.waitFor();
            Instant end = Instant.now().plusSeconds(40);
            String last = null;
            long afterKill = runs(portB, key);
            while (Instant.now().isBefore(end)) {
                JsonNode run = status(portB, key).get("last_runs").get(ROUTE);
                last = run.get("node_id").asText();
                if ("node-b".equals(last) && run.get("runs").asLong() > afterKill + 3) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals("node-b", last, "node-b took the schedule over");
            assertTrue(runs(portB, key) > afterKill + 3, "and it keeps firing");
        } finally {
            a.destroyForcibly();
            if (b != null) {
                b.destroy();
                b.waitFor();
            }
        }
    }

    private static Process node(Path work, String id, int port, String db) throws Exception {
        return PackagedJar.start(work.resolve(id + ".log"), "--port", String.valueOf(port), "--data",
                work.resolve(id).toString(), "--db-url", db, "--timezone", "UTC",
                "--set", "faceclock.node.id=" + id, "--set", "faceclock.logs.purge-cron=* * * * * ?",
                "--set", "faceclock.cluster.check-in-seconds=2");
    }

    private static long runs(int port, String key) throws Exception {
        JsonNode run = status(port, key).get("last_runs").get(ROUTE);
        return run == null ? 0 : run.get("runs").asLong();
    }

    private static JsonNode status(int port, String key) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/sync/status")).header("X-API-Key", key).build(), HttpResponse.BodyHandlers.ofString());
        return Json.MAPPER.readTree(r.body()).get("data").get("odoo");
    }

    private static void waitHealthy(int port, Process p, Path log) throws Exception {
        Instant end = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(end)) {
            if (!p.isAlive()) {
                throw new AssertionError("faceclock exited: " + Files.readString(log));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/observe/health"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not healthy within 90 s: " + Files.readString(log));
    }
}
