package io.faceclock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.face.Shared;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.support.OdooRelay;
import io.faceclock.support.TestDatabases;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged-jar nodes on one fresh PostgreSQL, each reaching the fake Odoo through its own
 * relay, both draining the outbox every second: faces enrolled on one are recognised on the other
 * within 2 s, 1,000 punches made on both reach Odoo once, a schedule fires on one node at a time,
 * and when a node is killed while Odoo's answer to its create is held (its outbox claims still
 * live) the other takes the schedules over and sends everything, nothing twice.
 * One pair of processes for every check (a node takes seconds to start); the kill comes last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String PURGE = "purge-old-logs";
    private static final String DRAIN = "odoo-drain-outbox";
    private static final int PEOPLE = 50;
    private static final Duration WITHIN = Duration.ofSeconds(2);
    /** A dead node's outbox claims fall free after this (faceclock.odoo.push-lease-seconds). */
    private static final int LEASE_SECONDS = 3;

    private FakeOdoo odoo;
    private final Map<String, OdooRelay> relays = new HashMap<>();
    private final Map<String, JarNode> nodes = new HashMap<>();
    private JarNode a;
    private JarNode b;
    private String key;
    private final Set<Integer> employees = new HashSet<>();
    private final AtomicInteger punched = new AtomicInteger();
    private long bothUp;
    private long runsWhenBothUp;

    @BeforeAll
    void start() throws Exception {
        String db = TestDatabases.freshPostgres();
        Path work = Files.createTempDirectory("faceclock-two-nodes-it");
        odoo = FakeOdoo.start(OdooVersion.V18);
        for (int p = 1; p <= PEOPLE; p++) {
            employees.add(odoo.addEmployee(Map.of("name", "Nia Node " + p, "barcode", badge(p))));
        }
        // one after the other: the first node makes the tables and the first admin key
        a = node(work, "node-a", db).awaitHealthy();
        b = node(work, "node-b", db).awaitHealthy();
        key = Files.readString(a.data().resolve("admin-api-key.txt")).trim();
        JarNode.ok(a.post(key, "/api/v1/sync/odoo/pull", Map.of()), "pull");
        bothUp = System.nanoTime();
        runsWhenBothUp = runs(PURGE);
    }

    private JarNode node(Path work, String id, String db) throws Exception {
        OdooRelay relay = OdooRelay.start(odoo.url());
        relays.put(id, relay);
        JarNode n = JarNode.start(work, id, db, "faceclock.models.dir=" + Shared.models(),
                "faceclock.logs.purge-cron=* * * * * ?", "faceclock.odoo.outbox-cron=* * * * * ?",
                "faceclock.cluster.check-in-seconds=2", "faceclock.odoo.push-lease-seconds=" + LEASE_SECONDS,
                "faceclock.odoo.url=" + relay.url(), "faceclock.odoo.db=" + odoo.db(),
                "faceclock.odoo.username=admin", "faceclock.odoo.password=admin");
        nodes.put(id, n);
        return n;
    }

    @AfterAll
    void stop() throws Exception {
        for (JarNode n : nodes.values()) {
            n.close();
        }
        relays.values().forEach(OdooRelay::close);
        if (odoo != null) {
            odoo.close();
        }
    }

    @Test
    @Order(1)
    void a_face_enrolled_on_one_node_is_recognised_on_the_other_within_2_s_and_deleting_its_faces_stops_that() {
        String probe = enrolOnA("penny");
        JsonNode seen = awaitOnB(probe, f -> "penny".equals(f.path("person_id").asText()), "recognised as penny");
        assertEquals("recognized", seen.get("decision").asText(), seen.toString());
        assertEquals(3, seen.at("/best/templates").asInt(), "all three templates reached node B: " + seen);

        for (JsonNode face : a.get(key, "/api/v1/persons/penny/faces")) {
            assertEquals(200, a.delete(key, "/api/v1/persons/penny/faces/" + face.get("face_id").asText())
                    .statusCode());
        }
        awaitOnB(probe, f -> "unknown".equals(f.get("decision").asText()), "unknown");
    }

    @Test
    @Order(1)
    void a_person_deleted_on_one_node_is_no_longer_recognised_on_the_other_within_2_s() {
        String probe = enrolOnA("leonard");
        awaitOnB(probe, f -> "leonard".equals(f.path("person_id").asText()), "recognised as leonard");

        assertEquals(200, a.delete(key, "/api/v1/persons/leonard").statusCode());
        awaitOnB(probe, f -> "unknown".equals(f.get("decision").asText()), "unknown");
    }

    @Test
    @Order(1)
    void a_person_archived_on_one_node_is_no_longer_recognised_on_the_other_within_2_s() {
        String probe = enrolOnA("howard");
        awaitOnB(probe, f -> "howard".equals(f.path("person_id").asText()), "recognised as howard");

        JarNode.ok(a.patch(key, "/api/v1/persons/howard", Map.of("active", false)), "archive");
        awaitOnB(probe, f -> !"howard".equals(f.path("person_id").asText()), "no longer howard");
    }

    @Test
    @Order(2)
    void a_thousand_punches_arriving_on_both_nodes_reach_odoo_exactly_once() throws Exception {
        Instant firstDay = Instant.parse("2025-05-01T07:00:00Z");
        CompletableFuture<Void> onA = CompletableFuture.runAsync(() -> punch(a, 1, 25, firstDay, 20));
        CompletableFuture<Void> onB = CompletableFuture.runAsync(() -> punch(b, 26, 50, firstDay, 20));
        onA.get();
        onB.get();
        awaitDrained(b, Duration.ofSeconds(60));
        assertExactlyOnceInOdoo(1000);
        Map<String, Integer> sent = sentPerNode();
        System.out.println("1,000 punches: records the outbox drains sent, per node: " + sent);
        assertEquals(1000, sent.values().stream().mapToInt(Integer::intValue).sum(), "the drains sent each once: " + sent);
    }

    @Test
    @Order(3)
    void a_schedule_fires_on_one_node_at_a_time() throws Exception {
        // counted over the whole time both nodes ran (at least 10 s): once a second across both, not twice
        long wait = 10_000 - Duration.ofNanos(System.nanoTime() - bothUp).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        long fired = runs(PURGE) - runsWhenBothUp;
        double seconds = (System.nanoTime() - bothUp) / 1e9;
        System.out.printf("two nodes: %d runs of a 1-second schedule in %.1f s%n", fired, seconds);
        assertTrue(fired >= seconds / 2 && fired <= seconds * 1.5, "once a second across both nodes, not twice: "
                + fired + " in " + seconds + " s");
    }

    @Test
    @Order(4)
    void a_node_killed_while_its_push_is_held_mid_flight_leaves_the_other_to_send_everything_once()
            throws Exception {
        // whichever node drains next has Odoo's answer to its create held back, after Odoo committed it
        Map<String, OdooRelay.Hold> holds = new HashMap<>();
        relays.forEach((id, relay) -> holds.put(id, relay.holdAnswerTo(OdooRelay.call("hr.attendance", "create"))));
        Instant secondBatch = Instant.parse("2025-07-01T07:00:00Z");
        Map<String, CompletableFuture<Void>> punching = Map.of(
                a.id(), CompletableFuture.runAsync(() -> punch(a, 1, 25, secondBatch, 10)),
                b.id(), CompletableFuture.runAsync(() -> punch(b, 26, 50, secondBatch, 10)));
        String held = awaitHeld(holds, Duration.ofSeconds(60));
        JarNode dead = nodes.get(held);
        JarNode survivor = dead == a ? b : a;
        holds.get(survivor.id()).release();
        JsonNode claims = survivor.syncStatus(key).get("outbox_claims");
        long claimedByDead = 0;
        for (var c = claims.fields(); c.hasNext(); ) {
            var holder = c.next();
            claimedByDead += holder.getKey().startsWith(held + "/") ? holder.getValue().asLong() : 0;
        }
        assertTrue(claimedByDead > 0, held + " holds outbox claims: " + claims);
        dead.kill();
        Instant killed = Instant.now();
        punching.get(held).exceptionally(e -> null).get();   // the punches sent to the dead node stop where it died
        punching.get(survivor.id()).get();

        awaitDrained(survivor, Duration.ofSeconds(60));
        System.out.println(survivor.id() + " drained the outbox " + Duration.between(killed, Instant.now()).toMillis()
                + " ms after " + held + " was killed holding " + claimedByDead + " claims (lease "
                + LEASE_SECONDS + " s); records sent per node " + sentPerNode());
        JsonNode states = survivor.syncStatus(key).get("attendance_sync_states");
        long all = 0;
        for (JsonNode n : states) {
            all += n.asLong();
        }
        assertEquals(all, states.path("synced").asLong(), "every attendance synced, none failed: " + states);
        assertTrue(all >= punched.get(), "every punch answered 201 is kept: " + all + " of " + punched.get());
        assertExactlyOnceInOdoo(all);
        JsonNode again = JarNode.ok(survivor.post(key, "/api/v1/sync/odoo/push", Map.of("start_date", "2025-05-01",
                "end_date", "2025-07-31")), "push");
        assertEquals(0, again.get("pushed").asInt(), again.toString());
        assertEquals(all, again.get("unchanged").asLong(), again.toString());

        long afterKill = runs(PURGE);
        Instant end = Instant.now().plusSeconds(30);
        String last = null;
        while (Instant.now().isBefore(end)) {
            JsonNode run = survivor.syncStatus(key).get("last_runs").get(PURGE);
            last = run.get("node_id").asText();
            if (survivor.id().equals(last) && run.get("runs").asLong() > afterKill + 3) {
                break;
            }
            Thread.sleep(500);
        }
        assertEquals(survivor.id(), last, survivor.id() + " took the schedules over");
        assertTrue(runs(PURGE) > afterKill + 3, "and it keeps firing");
    }

    // ---- helpers ----

    private static String badge(int person) {
        return String.format("NODE%03d", person);
    }

    /** Punches a day's attendance of each person in [first, last] on node, for days days from firstDay. */
    private void punch(JarNode node, int first, int last, Instant firstDay, int days) {
        for (int d = 0; d < days; d++) {
            for (int p = first; p <= last; p++) {
                Instant in = firstDay.plus(Duration.ofDays(d));
                HttpResponse<String> r = node.post(key, "/api/v1/attendance", Map.of("person_id", badge(p),
                        "check_in", in.toString(), "check_out", in.plus(Duration.ofHours(8)).toString()));
                assertEquals(201, r.statusCode(), r.body());
                punched.incrementAndGet();
            }
        }
    }

    private void awaitDrained(JarNode node, Duration max) throws InterruptedException {
        Instant end = Instant.now().plus(max);
        JsonNode status = node.syncStatus(key);
        while (status.get("outbox_depth").asInt() > 0 && Instant.now().isBefore(end)) {
            Thread.sleep(200);
            status = node.syncStatus(key);
        }
        assertEquals(0, status.get("outbox_depth").asInt(), "the outbox drained within " + max + ": " + status);
    }

    private long synced(JarNode node) {
        return node.syncStatus(key).get("attendance_sync_states").get("synced").asLong();
    }

    /** Odoo holds exactly expected attendances of our employees, each once, as many as faceclock says it synced. */
    private void assertExactlyOnceInOdoo(long expected) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inOdoo = (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID,
                "hr.attendance", "search_read", List.of(List.of(List.of("employee_id", "in", List.copyOf(employees)))),
                Map.of("fields", List.of("employee_id", "check_in")));
        Set<String> distinct = new HashSet<>();
        inOdoo.forEach(r -> distinct.add(((List<?>) r.get("employee_id")).get(0) + "@" + r.get("check_in")));
        assertEquals(expected, inOdoo.size(), "none twice");
        assertEquals(expected, distinct.size(), "each once");
        for (JarNode n : nodes.values()) {
            if (n.alive()) {
                assertEquals(inOdoo.size(), synced(n), n.id() + " counts as synced what Odoo holds");
            }
        }
    }

    private String awaitHeld(Map<String, OdooRelay.Hold> holds, Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < until) {
            for (var h : holds.entrySet()) {
                if (h.getValue().awaitCommitted(Duration.ofMillis(50))) {
                    return h.getKey();
                }
            }
        }
        return fail("no node's create reached Odoo within " + max);
    }

    private long runs(String route) {
        JarNode live = a.alive() ? a : b;
        JsonNode run = live.syncStatus(key).get("last_runs").get(route);
        return run == null ? 0 : run.get("runs").asLong();
    }

    /** Records created in Odoo by the outbox drains, per node (the odoo_sync log names the node). */
    private Map<String, Integer> sentPerNode() {
        Map<String, Integer> m = new java.util.TreeMap<>();
        JarNode live = a.alive() ? a : b;
        for (JsonNode e : live.get(key, "/api/v1/logs?category=odoo_sync&limit=500")) {
            if (e.get("message").asText().startsWith("Outbox:")) {
                m.merge(e.at("/details/node_id").asText(), e.at("/details/pushed").asInt(), Integer::sum);
            }
        }
        return m;
    }

    /** Creates the person on node A and enrols their first three labelled photos there; returns a fourth. */
    private String enrolOnA(String who) {
        List<String> photos = photosOf(who);
        assertEquals(201, a.post(key, "/api/v1/persons", Map.of("person_id", who, "name", who)).statusCode());
        HttpResponse<String> enrolled = a.post(key, "/api/v1/persons/" + who + "/faces", Map.of("images",
                photos.subList(0, 3).stream().map(p -> Base64.getEncoder().encodeToString(Shared.photo(p))).toList()));
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        return photos.get(3);
    }

    /** The labelled photos of one person (labels.tsv), in file order. */
    private static List<String> photosOf(String label) {
        try {
            List<String> photos = new ArrayList<>();
            for (String line : Files.readAllLines(Shared.labels())) {
                String[] cols = line.split("\t");
                if (cols.length >= 3 && cols[2].equals(label)) {
                    photos.add(cols[0]);
                }
            }
            assertTrue(photos.size() >= 4, "4 photos of " + label + " in labels.tsv");
            return photos;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Asks node B about the photo until its answer satisfies the condition; fails after 2 s. */
    private JsonNode awaitOnB(String photo, Predicate<JsonNode> condition, String what) {
        byte[] image = Shared.photo(photo);
        long until = System.nanoTime() + WITHIN.toNanos();
        JsonNode last;
        do {
            last = JarNode.ok(b.bytes(key, "/api/v1/recognize", image, "image/png"), "recognize")
                    .get("faces").get(0);
            if (condition.test(last)) {
                return last;
            }
        } while (System.nanoTime() < until);
        return fail("node B did not answer " + what + " for " + photo + " within " + WITHIN.toSeconds() + " s: "
                + last);
    }
}
