package io.faceclock.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.RunningService;
import io.faceclock.support.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL, both draining the outbox every second: punches made on either reach Odoo once. */
class TwoNodesOutboxTest {

    @Test
    void a_thousand_punches_arriving_on_two_nodes_reach_odoo_exactly_once() throws Exception {
        Path data = Files.createTempDirectory("faceclock-two-nodes");
        try (TestPostgres pg = TestPostgres.open();
             FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18);
             RunningService a = node(data, pg.url(), odoo, "node-a");
             RunningService b = node(data, pg.url(), odoo, "node-b")) {
            Set<Integer> employees = new HashSet<>();
            for (int p = 1; p <= 50; p++) {
                employees.add(odoo.addEmployee(Map.of("name", "Nia Node " + p, "barcode", String.format("NODE%03d", p))));
            }
            assertEquals(200, a.post("/api/v1/sync/odoo/pull", Map.of()).status());
            CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> punch(a, 1, 25));
            CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> punch(b, 26, 50));
            onA.get();
            onB.get();
            Instant end = Instant.now().plusSeconds(60);
            while (b.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asInt() > 0
                    && Instant.now().isBefore(end)) {
                Thread.sleep(200);
            }
            assertEquals(0, a.get("/api/v1/sync/status").data().get("odoo").get("outbox_depth").asInt());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> inOdoo = (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID,
                    "hr.attendance", "search_read", List.of(List.of(List.of("employee_id", "in",
                            List.copyOf(employees)))), Map.of("fields", List.of("employee_id", "check_in")));
            Set<String> distinct = new HashSet<>();
            inOdoo.forEach(r -> distinct.add(((List<?>) r.get("employee_id")).get(0) + "@" + r.get("check_in")));
            assertEquals(1000, inOdoo.size(), "none twice");
            assertEquals(1000, distinct.size(), "each once");
        }
    }

    private static RunningService node(Path data, String url, FakeOdoo odoo, String id) throws Exception {
        // one data folder: the same secret key and admin key file, as two nodes of one site share them
        return RunningService.start(data, url, "UTC", Map.of(Node.SETTING, id, "camel.main.name", "faceclock-" + id,
                "faceclock.odoo.outbox-cron", "* * * * * ?", "faceclock.odoo.url", odoo.url(),
                "faceclock.odoo.db", odoo.db(), "faceclock.odoo.username", "admin", "faceclock.odoo.password", "admin"));
    }

    private static void punch(RunningService node, int firstPerson, int lastPerson) {
        Instant first = Instant.parse("2025-05-01T07:00:00Z");
        for (int d = 0; d < 20; d++) {
            for (int p = firstPerson; p <= lastPerson; p++) {
                Instant in = first.plus(Duration.ofDays(d));
                var r = node.post("/api/v1/attendance", Map.of("person_id", String.format("NODE%03d", p),
                        "check_in", in.toString(), "check_out", in.plus(Duration.ofHours(8)).toString()));
                assertEquals(201, r.status(), r.toString());
            }
        }
    }
}
