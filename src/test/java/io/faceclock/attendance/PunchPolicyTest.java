package io.faceclock.attendance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.faceclock.support.RunningService;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How accepted recognitions become check-ins and check-outs, with the real database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PunchPolicyTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
    private RunningService service;
    private AttendanceService attendance;
    private int people;

    @BeforeAll
    void start() throws Exception {
        service = RunningService.start(Files.createTempDirectory("faceclock-punch"), null, BRUSSELS.getId(), Map.of());
        attendance = service.app().beans().attendance();
    }

    @AfterAll
    void stop() {
        service.close();
    }

    private long person() {
        String id = "PUNCH" + (++people);
        service.post("/api/v1/persons", Map.of("person_id", id, "name", "Puncher " + people));
        return service.app().beans().people().get(id).id();
    }

    private static PunchRules rules(PunchPolicy policy) {
        return new PunchRules(policy, Map.of(), Duration.ofSeconds(60), Duration.ofHours(16), null);
    }

    @Test
    void an_entrance_camera_only_checks_in_and_an_exit_camera_only_checks_out() {
        long p = person();
        Instant t = Instant.parse("2025-03-11T07:00:00Z");
        Punch outFirst = attendance.punch(p, t, "exit-cam", rules(PunchPolicy.TOGGLE), PunchDirection.OUT);
        assertEquals("direction", outFirst.reason());
        assertFalse(outFirst.recorded());
        assertEquals("check_in", attendance.punch(p, t.plusSeconds(120), "gate-cam", rules(PunchPolicy.TOGGLE),
                PunchDirection.IN).action());
        Punch inAgain = attendance.punch(p, t.plus(Duration.ofHours(8)), "gate-cam", rules(PunchPolicy.TOGGLE),
                PunchDirection.IN);
        assertEquals("direction", inAgain.reason(), "the entrance does not check out");
        assertFalse(inAgain.recorded());
        assertEquals("check_out", attendance.punch(p, t.plus(Duration.ofHours(9)), "exit-cam",
                rules(PunchPolicy.TOGGLE), PunchDirection.OUT).action());
    }

    @Test
    void toggle_checks_in_then_out_and_ignores_repeats_inside_the_cooldown() {
        long p = person();
        Instant t = Instant.parse("2025-03-10T07:00:00Z");
        assertEquals("check_in", attendance.punch(p, t, "kiosk", rules(PunchPolicy.TOGGLE)).action());
        Punch repeat = attendance.punch(p, t.plusSeconds(30), "kiosk", rules(PunchPolicy.TOGGLE));
        assertEquals("too_soon", repeat.reason());
        assertFalse(repeat.recorded());
        Punch out = attendance.punch(p, t.plus(Duration.ofHours(8)), "kiosk", rules(PunchPolicy.TOGGLE));
        assertEquals("check_out", out.action());
        assertEquals(t.plus(Duration.ofHours(8)), out.attendance().checkOut());
        assertEquals("check_in", attendance.punch(p, t.plus(Duration.ofHours(9)), "kiosk",
                rules(PunchPolicy.TOGGLE)).action());
    }

    @Test
    void first_in_last_out_keeps_one_attendance_a_day_and_moves_its_check_out() {
        long p = person();
        PunchRules filo = rules(PunchPolicy.FIRST_IN_LAST_OUT);
        Instant morning = Instant.parse("2025-03-11T07:00:00Z");
        Punch in = attendance.punch(p, morning, "gate", filo);
        assertEquals("check_in", in.action());
        assertEquals("check_out", attendance.punch(p, morning.plus(Duration.ofHours(4)), "gate", filo).action());
        Punch last = attendance.punch(p, morning.plus(Duration.ofHours(9)), "gate", filo);
        assertEquals(in.attendance().id(), last.attendance().id(), "still the day's one attendance");
        assertEquals(morning.plus(Duration.ofHours(9)), last.attendance().checkOut());
        Punch nextDay = attendance.punch(p, morning.plus(Duration.ofDays(1)), "gate", filo);
        assertEquals("check_in", nextDay.action());
        assertTrue(nextDay.attendance().id() != in.attendance().id());
    }

    @Test
    void first_in_last_out_starts_a_new_day_after_a_single_sighting_the_day_before() {
        long p = person();
        PunchRules filo = rules(PunchPolicy.FIRST_IN_LAST_OUT);
        Instant evening = Instant.parse("2025-03-24T16:00:00Z");
        Punch once = attendance.punch(p, evening, "gate", filo);
        Punch morning = attendance.punch(p, evening.plus(Duration.ofHours(15)), "gate", filo);
        assertEquals("check_in", morning.action(), morning.toString());
        JsonNode yesterday = service.get("/api/v1/attendance/" + once.attendance().id()).data();
        assertTrue(yesterday.get("closed_automatically").asBoolean(), yesterday.toString());
        assertEquals("2025-03-25T00:00:00+01:00", yesterday.get("check_out").asText(), "closed at the day's end");
    }

    @Test
    void the_policy_can_differ_by_source() {
        PunchRules mixed = new PunchRules(PunchPolicy.TOGGLE, Map.of("gate", PunchPolicy.FIRST_IN_LAST_OUT),
                Duration.ofSeconds(60), Duration.ofHours(16), null);
        assertEquals(PunchPolicy.FIRST_IN_LAST_OUT, mixed.policyFor("gate"));
        assertEquals(PunchPolicy.TOGGLE, mixed.policyFor("front-door"));
    }

    @Test
    void an_attendance_left_open_is_closed_automatically_and_marked() {
        long p = person();
        Instant yesterday = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(20));
        attendance.punch(p, yesterday, "kiosk", rules(PunchPolicy.TOGGLE));
        int closed = attendance.closeForgotten(rules(PunchPolicy.TOGGLE));
        assertTrue(closed >= 1);
        String personId = "PUNCH" + people;
        JsonNode a = service.get("/api/v1/attendance?person_id=" + personId).data().get(0);
        assertTrue(a.get("closed_automatically").asBoolean(), a.toString());
        assertEquals(960.0, a.get("duration_minutes").asDouble(), "closed at check-in + 16 h");
        assertTrue(service.get("/api/v1/logs?category=attendance&limit=5").body().contains("closed automatically"));
    }

    @Test
    void a_forgotten_check_out_does_not_turn_the_next_morning_into_a_check_out() {
        long p = person();
        Instant monday = Instant.parse("2025-03-17T07:00:00Z");
        attendance.punch(p, monday, "kiosk", rules(PunchPolicy.TOGGLE));
        Punch tuesday = attendance.punch(p, monday.plus(Duration.ofHours(24)), "kiosk", rules(PunchPolicy.TOGGLE));
        assertEquals("check_in", tuesday.action(), "Monday's attendance was closed automatically first");
    }

    @Test
    void a_fixed_close_time_wins_when_it_comes_first() {
        PunchRules at2359 = new PunchRules(PunchPolicy.TOGGLE, Map.of(), Duration.ofSeconds(60), Duration.ofHours(16),
                LocalTime.of(23, 59));
        Instant morning = Instant.parse("2025-03-18T07:00:00Z");
        assertEquals(Instant.parse("2025-03-18T22:59:00Z"), at2359.autoCloseTime(morning, BRUSSELS));
        Instant afterMidnight = Instant.parse("2025-03-18T23:30:00Z");   // 00:30 in Brussels
        assertEquals(Instant.parse("2025-03-19T15:30:00Z"), at2359.autoCloseTime(afterMidnight, BRUSSELS),
                "the next 23:59 is almost a day away: the shift length ends it first");
    }

    @Test
    void an_inactive_person_gets_no_punch() {
        long p = person();
        service.patch("/api/v1/persons/PUNCH" + people, Map.of("active", false));
        Punch r = attendance.punch(p, Instant.parse("2025-03-12T07:00:00Z"), "kiosk", rules(PunchPolicy.TOGGLE));
        assertEquals("inactive", r.reason());
    }
}
