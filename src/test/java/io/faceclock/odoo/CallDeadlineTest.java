package io.faceclock.odoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.fakeodoo.FakeOdoo;
import io.faceclock.fakeodoo.Hostile;
import io.faceclock.fakeodoo.OdooVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every call has a total deadline, however the server spends it; batches get more. */
class CallDeadlineTest {

    private static final String KEY = "fedcba9876543210fedcba9876543210fedcba98";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private FakeOdoo odoo;

    @AfterEach
    void stop() {
        if (odoo != null) {
            odoo.close();
        }
    }

    private OdooConnection connection(String password) {
        return OdooConnection.of(odoo.url(), odoo.db(), "admin", password).withTimeouts(Duration.ofSeconds(5),
                ONE_SECOND);
    }

    private void failsWithinTheDeadline(Hostile mode, Function<OdooConnection, OdooClient> transport, String password) {
        odoo = FakeOdoo.start(OdooVersion.V19);
        odoo.addApiKey(FakeOdoo.ADMIN_UID, KEY);
        OdooClient c = transport.apply(connection(password));
        odoo.hostile(mode);
        long start = System.nanoTime();
        OdooException e = assertThrows(OdooException.class, c::authenticate);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(OdooException.Kind.TIMEOUT, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("did not finish answering") && e.getMessage().contains("within 1 s"),
                e.getMessage());
        assertTrue(ms < 4000, mode + " took " + ms + " ms against a 1 s deadline");
    }

    @Test
    void xmlrpc_gives_up_on_a_trickling_answer_at_the_deadline() {
        failsWithinTheDeadline(Hostile.TRICKLE, XmlRpcOdooClient::new, "admin");
    }

    @Test
    void xmlrpc_gives_up_on_a_server_that_never_answers_at_the_deadline() {
        failsWithinTheDeadline(Hostile.NEVER_ANSWER, XmlRpcOdooClient::new, "admin");
    }

    @Test
    void json2_gives_up_on_a_trickling_answer_at_the_deadline() {
        failsWithinTheDeadline(Hostile.TRICKLE, OdooJson2Client::new, KEY);
    }

    @Test
    void json2_gives_up_on_a_server_that_never_answers_at_the_deadline() {
        failsWithinTheDeadline(Hostile.NEVER_ANSWER, OdooJson2Client::new, KEY);
    }

    @Test
    void a_batch_create_gets_a_deadline_sized_to_its_records() {
        odoo = FakeOdoo.start(OdooVersion.V19);
        odoo.addApiKey(FakeOdoo.ADMIN_UID, KEY);
        // Odoo takes 2 s for the batch: more than one call's 1 s, less than 1 s + 40 x 0.1 s
        odoo.latency("hr.attendance.create", Duration.ofSeconds(2));
        for (OdooClient c : List.of(new XmlRpcOdooClient(connection("admin")), new OdooJson2Client(connection(KEY)))) {
            List<Map<String, Object>> batch = new ArrayList<>();
            Instant day = Instant.parse(c instanceof XmlRpcOdooClient ? "2024-02-01T08:00:00Z" : "2024-06-01T08:00:00Z");
            for (int i = 0; i < 40; i++) {
                batch.add(Map.of("employee_id", 2, "check_in", day.plus(Duration.ofDays(i)),
                        "check_out", day.plus(Duration.ofDays(i)).plusSeconds(3600)));
            }
            assertEquals(40, c.create("hr.attendance", batch).size(), c.transport());
            OdooException single = assertThrows(OdooException.class, () -> c.create("hr.attendance",
                    List.of(Map.of("employee_id", 3, "check_in", day.minus(Duration.ofDays(30))))));
            assertEquals(OdooException.Kind.TIMEOUT, single.kind(), c.transport() + ": one record, 1.1 s");
        }
    }

    @Test
    void a_create_given_up_at_its_deadline_is_sent_to_odoo_once_not_again_behind_the_callers_back() throws Exception {
        odoo = FakeOdoo.start(OdooVersion.V19);
        odoo.addApiKey(FakeOdoo.ADMIN_UID, KEY);
        odoo.latency("hr.attendance.create", Duration.ofSeconds(2));
        for (OdooClient c : List.of(new XmlRpcOdooClient(connection("admin")), new OdooJson2Client(connection(KEY)))) {
            c.authenticate();
            int before = odoo.calls("hr.attendance.create");
            OdooException e = assertThrows(OdooException.class, () -> c.create("hr.attendance",
                    List.of(Map.of("employee_id", 3, "check_in", Instant.parse("2024-03-01T08:00:00Z")))));
            assertEquals(OdooException.Kind.TIMEOUT, e.kind(), c.transport());
            assertTrue(odoo.awaitFinished("hr.attendance.create", Duration.ofSeconds(10)), c.transport());
            assertEquals(before + 1, odoo.calls("hr.attendance.create"), c.transport() + ": asked to create it once");
        }
    }
}
