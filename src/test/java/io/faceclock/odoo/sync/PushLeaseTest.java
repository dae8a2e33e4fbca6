package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.store.LeaseStore;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Processes sharing a database (service, command line, cluster nodes) push one at a time, and a dead one blocks nobody. */
class PushLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    @Test
    void a_lease_has_one_holder_who_renews_it_and_loses_it_only_after_falling_silent_for_the_ttl() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-lease"), null, "UTC",
                Map.of())) {
            LeaseStore store = new LeaseStore(service.app().beans().jdbc());
            Instant t = Instant.parse("2025-06-01T08:00:00Z");
            assertTrue(store.tryTake("test", "a", "node-a", 11, t, TTL).isPresent());
            assertTrue(store.tryTake("test", "b", "node-b", 22, t.plusSeconds(10), TTL).isEmpty());
            assertTrue(store.renew("test", "a", t.plusSeconds(20)), "the holder renews while it works");
            assertTrue(store.tryTake("test", "b", "node-b", 22, t.plusSeconds(45), TTL).isEmpty(),
                    "renewed 25 s ago: still held");
            LeaseStore.Lease taken = store.tryTake("test", "b", "node-b", 22, t.plusSeconds(51), TTL).orElseThrow();
            assertEquals("node-b", taken.nodeId());
            assertEquals(t.plusSeconds(51), taken.since(), "the new holder holds it since it took it over");
            assertFalse(store.renew("test", "a", t.plusSeconds(52)), "the silent holder learns it lost the lease");
            store.release("test", "a");
            assertEquals("b", store.current("test").orElseThrow().holder(), "only the holder releases");
            store.release("test", "b");
            assertTrue(store.current("test").isEmpty());
        }
    }

    @Test
    void a_push_waits_while_another_process_holds_the_lease_shows_it_in_the_status_and_takes_over_once_silent()
            throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService service = start(odoo, Map.of("faceclock.odoo.push-lease-seconds", "2"))) {
            int emp = punch(service, odoo, "LEASE1", "2025-12-01T08:00:00Z");
            LeaseStore store = new LeaseStore(service.app().beans().jdbc());
            Instant now = Instant.now();
            store.tryTake(PushLease.NAME, "node-b/4242/x", "node-b", 4242, now, TTL).orElseThrow();
            JsonNode lease = service.get("/api/v1/sync/status").data().get("odoo").get("push_lease");
            assertEquals("node-b", lease.get("node_id").asText(), lease.toString());
            assertEquals(4242, lease.get("pid").asInt());
            assertEquals(now.getEpochSecond(), java.time.OffsetDateTime.parse(lease.get("since").asText()).toEpochSecond());
            assertFalse(lease.get("stale").asBoolean());

            // node-b never renews: after the lease time (2 s here) the waiting push takes over
            long t0 = System.nanoTime();
            JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-12-01",
                    "end_date", "2025-12-01")).json();
            assertEquals(1, r.get("pushed").asInt(), r.toString());
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(1500).toNanos(), "it waited for the live holder");
            assertEquals(1, attendances(odoo, emp));
            assertTrue(service.get("/api/v1/sync/status").data().get("odoo").get("push_lease").isNull(),
                    "released after the push");
        }
    }

    @Test
    void outbox_rows_claimed_by_a_live_node_are_left_to_it_and_taken_over_once_its_claim_runs_out() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); RunningService service = start(odoo, Map.of())) {
            int emp = punch(service, odoo, "CLAIM1", "2025-12-04T08:00:00Z");
            claim(service, "node-b/4242/x", "+ INTERVAL '30' SECOND");
            OdooSyncService sync = service.app().beans().odooSync();
            assertEquals(0, sync.drainOutbox().total(), "a row another node is sending is not sent twice");
            JsonNode status = service.get("/api/v1/sync/status").data().get("odoo");
            assertEquals(1, status.get("outbox_claims").get("node-b/4242/x").asInt(), status.toString());
            JsonNode manual = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-12-04",
                    "end_date", "2025-12-04")).json();
            assertEquals(0, manual.get("pushed").asInt(), "a manual push leaves it to that node too: " + manual);

            claim(service, "node-b/4242/x", "- INTERVAL '1' SECOND");   // node-b died: its claim ran out
            assertEquals(1, sync.drainOutbox().pushed());
            assertEquals(1, attendances(odoo, emp));
            assertEquals(0, service.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asInt());
        }
    }

    private static void claim(RunningService service, String holder, String untilFromNow) throws Exception {
        try (var c = service.app().beans().database().connection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE odoo_outbox SET claimed_by = '" + holder + "', claimed_until = CURRENT_TIMESTAMP "
                    + untilFromNow);
        }
    }

    @Test
    void a_lease_left_by_a_dead_process_of_this_node_is_cleared_at_start() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService service = start(odoo, Map.of("faceclock.node.id", "door-1"))) {
            punch(service, odoo, "DEAD1", "2025-12-02T08:00:00Z");
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            LeaseStore store = new LeaseStore(service.app().beans().jdbc());
            store.tryTake(PushLease.NAME, "door-1/" + gone.pid() + "/x", "door-1", gone.pid(), Instant.now(), TTL)
                    .orElseThrow();
            store.tryTake("other-node-lease", "door-2/1/y", "door-2", 1, Instant.now(), TTL).orElseThrow();

            service.restart();
            store = new LeaseStore(service.app().beans().jdbc());
            assertTrue(store.current(PushLease.NAME).isEmpty(), "the dead process's lease is gone");
            assertTrue(store.current("other-node-lease").isPresent(), "another node's lease is not ours to clear");
            long t0 = System.nanoTime();
            JsonNode r = service.post("/api/v1/sync/odoo/push", Map.of("start_date", "2025-12-02",
                    "end_date", "2025-12-02")).json();
            assertEquals(1, r.get("pushed").asInt(), r.toString());
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos(), "no waiting for a dead holder");
        }
    }

    @Test
    void a_push_slower_than_the_lease_time_keeps_its_lease() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService service = start(odoo, Map.of("faceclock.odoo.push-lease-seconds", "1"))) {
            int emp = punch(service, odoo, "SLOW1", "2025-12-03T08:00:00Z");
            odoo.latency("hr.attendance.create", Duration.ofMillis(2500));
            CompletableFuture<JsonNode> push = CompletableFuture.supplyAsync(() -> service.post(
                    "/api/v1/sync/odoo/push", Map.of("start_date", "2025-12-03", "end_date", "2025-12-03")).json());
            LeaseStore store = new LeaseStore(service.app().beans().jdbc());
            while (store.current(PushLease.NAME).isEmpty() && !push.isDone()) {
                Thread.sleep(20);
            }
            Instant end = Instant.now().plusSeconds(2);
            while (Instant.now().isBefore(end)) {
                assertTrue(store.tryTake(PushLease.NAME, "intruder", "node-x", 1, Instant.now(), Duration.ofSeconds(1))
                        .isEmpty(), "taken over while its holder was still working");
                Thread.sleep(100);
            }
            assertEquals(1, push.get().get("pushed").asInt());
            assertEquals(1, attendances(odoo, emp), "sent once");
        }
    }

    private static RunningService start(FakeOdoo odoo, Map<String, String> extra) throws Exception {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099");
        RunningService service = RunningService.start(Files.createTempDirectory("faceclock-lease"), null, "UTC",
                settings);
        service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(), "username", "admin",
                "password", "admin"));
        return service;
    }

    private static int punch(RunningService service, FakeOdoo odoo, String badge, String checkIn) {
        int emp = odoo.addEmployee(Map.of("name", "Lee " + badge, "barcode", badge));
        service.post("/api/v1/sync/odoo/pull", Map.of());
        assertEquals(201, service.post("/api/v1/attendance", Map.of("person_id", badge, "check_in", checkIn,
                "check_out", Instant.parse(checkIn).plusSeconds(3600).toString())).status());
        return emp;
    }

    private static int attendances(FakeOdoo odoo, int emp) {
        return ((java.util.List<?>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search",
                java.util.List.of(java.util.List.of(java.util.List.of("employee_id", "=", emp))),
                Map.of())).size();
    }
}
