package io.faceclock.api;

import com.fasterxml.jackson.core.JsonGenerator;
import io.faceclock.attendance.Attendance;
import io.faceclock.attendance.AttendanceCorrection;
import io.faceclock.attendance.AttendanceQuery;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.people.PersonService;
import io.faceclock.store.Page;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** /attendance: list by site dates, today, manual entries and corrections. */
public final class AttendanceApi {

    private static final int MAX_PAGE = 1000;
    private static final Set<String> CREATE_FIELDS = Set.of("person_id", "check_in", "check_out", "note");
    private static final Set<String> PATCH_FIELDS = Set.of("check_in", "check_out", "note");
    private static final Set<String> READ_ONLY = Set.of("id", "name", "duration_minutes", "source", "sync",
            "person_id", "closed_automatically", "created_at", "updated_at");

    private final AttendanceService attendance;
    private final PersonService people;
    private final SiteClock clock;

    public AttendanceApi(AttendanceService attendance, PersonService people) {
        this.attendance = attendance;
        this.people = people;
        this.clock = attendance.clock();
    }

    public void list(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String start = req.query("start_date");
        String end = req.query("end_date");
        LocalDate from = start == null ? null : clock.parseDate("start_date", start);
        LocalDate to = end == null ? null : clock.parseDate("end_date", end);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("end_date", "end_date " + to + " is before start_date " + from);
        }
        String personId = req.query("person_id");
        Long personRef = personId == null ? null : people.get(PersonApi.checkedPersonId(personId)).id();
        AttendanceQuery q = new AttendanceQuery(from == null ? null : clock.startOf(from),
                to == null ? null : clock.startOf(to.plusDays(1)), personRef,
                req.queryInt("limit", 100, 1, MAX_PAGE), req.queryInt("offset", 0, 0, Integer.MAX_VALUE));
        page(ex, q);
    }

    public void today(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        AttendanceQuery q = attendance.today(req.queryInt("limit", 100, 1, MAX_PAGE),
                req.queryInt("offset", 0, 0, Integer.MAX_VALUE));
        page(ex, q, clock.today().toString());
    }

    public void get(Exchange ex) {
        Responses.data(ex, json(attendance.get(ApiRequest.of(ex).pathLong("id"))));
    }

    public void create(Exchange ex) {
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(CREATE_FIELDS, Set.of());
        String personId = PersonApi.checkedPersonId(in.text("person_id", true, 64));
        Instant checkIn = clock.parseInstant("check_in", in.text("check_in", true, 64));
        String out = in.text("check_out", false, 64);
        Instant checkOut = out == null ? null : clock.parseInstant("check_out", out);
        String note = in.text("note", false, 1000);
        Attendance a = attendance.record(personId, checkIn, checkOut, "manual", note);
        Responses.created(ex, Map.of("data", json(a), "message", "Attendance recorded for " + a.personId()));
    }

    public void patch(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        long id = req.pathLong("id");
        JsonInput in = JsonInput.of(req).onlyFields(PATCH_FIELDS, READ_ONLY);
        String in1 = in.has("check_in") ? in.text("check_in", true, 64) : null;
        String out = in.text("check_out", false, 64);
        AttendanceCorrection change = new AttendanceCorrection(
                in1 == null ? null : clock.parseInstant("check_in", in1),
                out == null ? null : clock.parseInstant("check_out", out), in.has("check_out"),
                in.text("note", false, 1000), in.has("note"));
        Responses.data(ex, json(attendance.correct(id, change, req.actor())));
    }

    private void page(Exchange ex, AttendanceQuery q) {
        page(ex, q, null);
    }

    private void page(Exchange ex, AttendanceQuery q, String date) {
        Page<Attendance> page = attendance.page(q);
        Responses.ok(ex, g -> {
            if (date != null) {
                g.writeStringField("date", date);
            }
            g.writeArrayFieldStart("data");
            for (Attendance a : page.rows()) {
                write(g, a);
            }
            g.writeEndArray();
            g.writeNumberField("total", page.total());
            g.writeNumberField("limit", q.limit());
            g.writeNumberField("offset", q.offset());
        });
    }

    private Map<String, Object> syncJson(Attendance.SyncInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state());
        m.put("odoo_attendance_id", s.odooAttendanceId());
        m.put("error", s.error());
        m.put("synced_at", clock.format(s.syncedAt()));
        return m;
    }

    Object json(Attendance a) {
        return Responses.value(g -> write(g, a));
    }

    private void write(JsonGenerator g, Attendance a) throws IOException {
        g.writeStartObject();
        g.writeNumberField("id", a.id());
        g.writeStringField("person_id", a.personId());
        g.writeStringField("name", a.personName());
        g.writeStringField("check_in", clock.format(a.checkIn()));
        g.writeStringField("check_out", clock.format(a.checkOut()));
        Double minutes = a.durationMinutes();
        g.writeFieldName("duration_minutes");
        if (minutes == null) {
            g.writeNull();
        } else {
            g.writeNumber(minutes);
        }
        g.writeStringField("source", a.source());
        g.writeStringField("note", a.note());
        g.writeBooleanField("closed_automatically", a.closedAutomatically());
        g.writeFieldName("sync");
        Responses.writePlain(g, syncJson(a.sync()));
        g.writeEndObject();
    }
}
