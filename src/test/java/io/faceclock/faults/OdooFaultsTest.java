package io.faceclock.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.OdooVersion;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.odoo.sync.PushResult;
import io.faceclock.support.OdooRelay;
import io.faceclock.support.OdooRelay.Answer;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Odoo taken away or misbehaving between faceclock and the fake Odoo (a relay in between, so the
 * fake keeps what it committed): every punch lands once when Odoo is back, the outbox backs off
 * meanwhile, and the status says what is wrong.
 */
class OdooFaultsTest {

    @Test
    void a_thousand_punches_made_while_odoo_is_down_all_reach_it_once_when_it_is_back() throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); OdooRelay relay = OdooRelay.start(odoo.url());
             RunningService service = start(odoo, relay, Map.of("faceclock.odoo.outbox-cron", "* * * * * ?"))) {
            Set<Integer> employees = employees(odoo, service, 50);
            relay.down();
            List<String> punched = punch(service, 50, 20);
            JsonNode waiting = await(service, s -> s.get("outbox_depth").asInt() == 1000
                    && "error".equals(s.get("last_sync_status").asText()), "the punches wait while Odoo is down");
            assertFalse(waiting.get("last_error").isNull(), waiting.toString());
            assertEquals(0, attendances(odoo, employees).size());

            relay.up();
            backOffElapses(service);
            JsonNode sent = await(service, s -> s.get("outbox_depth").asInt() == 0, "everything sent once Odoo is back");
            assertEquals("ok", sent.get("last_sync_status").asText(), sent.toString());
            assertExactlyOnce(odoo, employees, punched);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"SLOW", "HTML_ERROR_PAGE", "TRUNCATED_XML", "SERVER_ERROR"})
    void odoo_answering_slowly_or_with_garbage_backs_off_says_so_and_loses_nothing(Answer answer) throws Exception {
        try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18); OdooRelay relay = OdooRelay.start(odoo.url());
             RunningService service = start(odoo, relay, Map.of("faceclock.odoo.outbox-cron", "0 0 0 1 1 ? 2099",
                     "faceclock.odoo.call-timeout-seconds", "1"))) {
            Set<Integer> employees = employees(odoo, service, 5);
            List<String> punched = punch(service, 5, 4);
            relay.slowBy(Duration.ofMillis(4500));   // past the create's deadline: 1 s + 0.1 s per record (20)
            // only the create misbehaves: slow and truncated answers come after Odoo committed it
            relay.answer(answer, OdooRelay.call("hr.attendance", "create"));
            OdooSyncService sync = service.app().beans().odooSync();
            Instant before = Instant.now();
            PushResult failed = sync.drainOutbox();
            assertNotNull(failed.abortedBy(), answer + ": " + failed.message());
            JsonNode status = status(service);
            assertEquals("error", status.get("last_sync_status").asText(), status.toString());
            String error = status.get("last_error").asText();
            String says = Map.of(Answer.SLOW, "did not finish answering", Answer.HTML_ERROR_PAGE, "502",
                    Answer.TRUNCATED_XML, "not valid XML-RPC", Answer.SERVER_ERROR, "500").get(answer);
            assertTrue(error.contains(says), "the status says what happened: " + error);
            assertFalse(error.contains("Exception") || error.contains("\tat "), "no Java internals: " + error);
            assertEquals(20, status.get("outbox_depth").asInt(), "nothing dropped from the outbox");
            Instant next = nextAttempt(service);
            assertTrue(next.isAfter(before.plusSeconds(25)), "the next try waits (back-off): " + next);
            assertEquals(0, sync.drainOutbox().total(), "nothing sent again while backing off");

            relay.answer(Answer.PASS);
            backOffElapses(service);
            PushResult sent = sync.drainOutbox();
            assertEquals(20, sent.pushed() + sent.unchanged(), sent.message());
            assertEquals("ok", status(service).get("last_sync_status").asText());
            assertExactlyOnce(odoo, employees, punched);
        }
    }

    static RunningService start(FakeOdoo odoo, OdooRelay relay, Map<String, String> extra) throws Exception {
        RunningService service = RunningService.start(Files.createTempDirectory("faceclock-faults"), null, "UTC",
                new HashMap<>(extra));
        service.post("/api/v1/sync/odoo/config", Map.of("url", relay.url(), "db", odoo.db(), "username", "admin",
                "password", "admin"));
        return service;
    }

    static Set<Integer> employees(FakeOdoo odoo, RunningService service, int count) {
        Set<Integer> ids = new HashSet<>();
        for (int p = 1; p <= count; p++) {
            ids.add(odoo.addEmployee(Map.of("name", "Fay Fault " + p, "barcode", String.format("FAULT%03d", p))));
        }
        assertEquals(200, service.post("/api/v1/sync/odoo/pull", Map.of()).status());
        return ids;
    }

    /** One 8-hour attendance per person and day; returns "badge@check-in" of each. */
    static List<String> punch(RunningService service, int people, int days) {
        List<String> made = new ArrayList<>();
        Instant first = Instant.parse("2025-04-01T07:00:00Z");
        for (int d = 0; d < days; d++) {
            for (int p = 1; p <= people; p++) {
                String badge = String.format("FAULT%03d", p);
                Instant in = first.plus(Duration.ofDays(d));
                var r = service.post("/api/v1/attendance", Map.of("person_id", badge, "check_in", in.toString(),
                        "check_out", in.plus(Duration.ofHours(8)).toString()));
                assertEquals(201, r.status(), r.toString());
                made.add(badge + "@" + in);
            }
        }
        return made;
    }

    /** Moves every outbox row's next try into the past: the back-off has elapsed, without waiting it out. */
    static void backOffElapses(RunningService service) throws Exception {
        try (var c = service.app().beans().database().connection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE odoo_outbox SET next_attempt_at = next_attempt_at - INTERVAL '2' HOUR");
        }
    }

    static Instant nextAttempt(RunningService service) throws Exception {
        try (var c = service.app().beans().database().connection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT MIN(next_attempt_at) FROM odoo_outbox")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    static void assertExactlyOnce(FakeOdoo odoo, Set<Integer> employees, List<String> punched) {
        List<Map<String, Object>> inOdoo = attendances(odoo, employees);
        assertEquals(punched.size(), inOdoo.size(), "each punch once, none twice");
        Set<String> distinct = new HashSet<>();
        for (Map<String, Object> a : inOdoo) {
            distinct.add(((List<?>) a.get("employee_id")).get(0) + "@" + a.get("check_in"));
        }
        assertEquals(punched.size(), distinct.size(), "no punch in Odoo twice");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> attendances(FakeOdoo odoo, Set<Integer> employees) {
        return (List<Map<String, Object>>) odoo.execute(FakeOdoo.ADMIN_UID, "hr.attendance", "search_read",
                List.of(List.of(List.of("employee_id", "in", List.copyOf(employees)))),
                Map.of("fields", List.of("employee_id", "check_in", "check_out")));
    }

    static JsonNode status(RunningService service) {
        return service.get("/api/v1/sync/status").data().get("odoo");
    }

    static JsonNode await(RunningService service, Predicate<JsonNode> condition, String what) throws Exception {
        Instant end = Instant.now().plusSeconds(60);
        JsonNode odoo = null;
        while (Instant.now().isBefore(end)) {
            odoo = status(service);
            if (condition.test(odoo)) {
                return odoo;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + "; status: " + odoo);
    }
}
