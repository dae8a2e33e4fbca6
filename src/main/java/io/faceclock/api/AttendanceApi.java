package io.faceclock.api;

import io.faceclock.attendance.Attendance;
import io.faceclock.attendance.AttendanceCorrection;
import io.faceclock.attendance.AttendanceQuery;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.SiteClock;
import io.faceclock.people.PersonService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
            throw ApiException.badRequest("end_date", "end_date " + to + " is before start_date " + from);
        }
        String personId = req.query("person_id");
        Long personRef = personId == null ? null : people.get(checkedPersonId(personId)).id();
        AttendanceQuery q = new AttendanceQuery(from == null ? null : clock.startOf(from),
                to == null ? null : clock.startOf(to.plusDays(1)), personRef,
                req.queryInt("limit", 100, 1, MAX_PAGE), req.queryInt("offset", 0, 0, Integer.MAX_VALUE));
        page(ex, q);
    }

    public void today(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        AttendanceQuery q = attendance.today(req.queryInt("limit", 100, 1, MAX_PAGE),
                req.queryInt("offset", 0, 0, Integer.MAX_VALUE));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("date", clock.today().toString());
        page(ex, q, extra);
    }

    public void get(Exchange ex) {
        Responses.data(ex, json(attendance.get(ApiRequest.of(ex).pathLong("id"))));
    }

    public void create(Exchange ex) {
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(CREATE_FIELDS, Set.of());
        String personId = checkedPersonId(in.text("person_id", true, 64));
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
        page(ex, q, Map.of());
    }

    private void page(Exchange ex, AttendanceQuery q, Map<String, Object> extra) {
        List<Map<String, Object>> data = attendance.search(q).stream().map(this::json).toList();
        Map<String, Object> body = new LinkedHashMap<>(extra);
        body.put("data", data);
        body.put("total", attendance.count(q));
        body.put("limit", q.limit());
        body.put("offset", q.offset());
        Responses.ok(ex, body);
    }

    private Map<String, Object> syncJson(Attendance.SyncInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.state());
        m.put("odoo_attendance_id", s.odooAttendanceId());
        m.put("error", s.error());
        m.put("synced_at", clock.format(s.syncedAt()));
        return m;
    }

    private static String checkedPersonId(String personId) {
        if (!PersonApi.PERSON_ID.matcher(personId).matches()) {
            throw ApiException.badRequest("person_id", "person_id must be 1 to 64 letters, digits, '_' or '-', got '"
                    + Texts.clip(personId) + "'");
        }
        return personId;
    }

    Map<String, Object> json(Attendance a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("person_id", a.personId());
        m.put("name", a.personName());
        m.put("check_in", clock.format(a.checkIn()));
        m.put("check_out", clock.format(a.checkOut()));
        m.put("duration_minutes", a.durationMinutes());
        m.put("source", a.source());
        m.put("note", a.note());
        m.put("closed_automatically", a.closedAutomatically());
        m.put("sync", syncJson(a.sync()));
        return m;
    }
}
