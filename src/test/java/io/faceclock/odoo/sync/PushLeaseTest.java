package io.faceclock.odoo.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.store.SettingStore;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Processes sharing a database (service, command line, cluster nodes) push one at a time. */
class PushLeaseTest {

    @Test
    void a_lease_is_held_by_one_owner_renewed_by_it_and_free_once_stale_or_released() throws Exception {
        try (RunningService service = RunningService.start(Files.createTempDirectory("faceclock-lease"), null, "UTC",
                Map.of())) {
            SettingStore store = service.app().beans().settingStore();
            Instant now = Instant.now();
            Duration ttl = Duration.ofMinutes(30);
            assertTrue(store.tryLease("test.lease", "a", now, ttl));
            assertFalse(store.tryLease("test.lease", "b", now, ttl));
            assertTrue(store.tryLease("test.lease", "a", now.plusSeconds(5), ttl), "the holder renews");
            assertTrue(store.tryLease("test.lease", "c", now.plus(Duration.ofHours(1)), ttl), "a stale lease is free");
            store.releaseLease("test.lease", "c");
            assertTrue(store.tryLease("test.lease", "b", now, ttl));
        }
    }

    @Test
    void the_outbox_drain_waits_while_another_process_pushes() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService service = RunningService.start(Files.createTempDirectory("faceclock-lease2"), null, "UTC",
                     Map.of("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099"))) {
            service.post("/api/v1/sync/odoo/config", Map.of("url", odoo.url(), "db", odoo.db(), "username", "admin",
                    "password", "admin"));
            odoo.addEmployee(Map.of("name", "Lee Lease", "barcode", "LEASE1"));
            service.post("/api/v1/sync/odoo/pull", Map.of());
            service.post("/api/v1/attendance", Map.of("person_id", "LEASE1", "check_in", "2025-12-01T08:00:00Z",
                    "check_out", "2025-12-01T09:00:00Z"));
            SettingStore store = service.app().beans().settingStore();
            assertTrue(store.tryLease("odoo.push.lease", "another-node", Instant.now(), Duration.ofMinutes(30)));
            OdooSyncService sync = service.app().beans().odooSync();
            assertEquals(0, sync.drainOutbox().total(), "nothing sent while another process holds the lease");
            assertEquals(1, service.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asInt());
            store.releaseLease("odoo.push.lease", "another-node");
            assertEquals(1, sync.drainOutbox().pushed());
        }
    }
}
