package io.faceclock.api;

import io.faceclock.api.dto.AttendanceCreated;
import io.faceclock.api.dto.AttendanceInput;
import io.faceclock.api.dto.AttendancePage;
import io.faceclock.api.dto.AttendanceReply;
import io.faceclock.api.dto.AttendanceView;
import io.faceclock.api.dto.TodayPage;
import io.faceclock.attendance.Attendance;
import io.faceclock.attendance.AttendanceCorrection;
import io.faceclock.attendance.AttendanceQuery;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.people.PersonService;
import io.faceclock.store.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

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

    public AttendancePage list(@Header("start_date") String start, @Header("end_date") String end,
            @Header("person_id") String personId, @Header("limit") String limit, @Header("offset") String offset) {
        String startText = Params.text(start);
        String endText = Params.text(end);
        LocalDate from = startText == null ? null : clock.parseDate("start_date", startText);
        LocalDate to = endText == null ? null : clock.parseDate("end_date", endText);
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("end_date", "end_date " + to + " is before start_date " + from);
        }
        String person = Params.text(personId);
        Long personRef = person == null ? null : people.get(PersonApi.checkedPersonId(person)).id();
        AttendanceQuery q = new AttendanceQuery(from == null ? null : clock.startOf(from),
                to == null ? null : clock.startOf(to.plusDays(1)), personRef,
                Params.integer("limit", limit, 100, 1, MAX_PAGE), Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
        Page<Attendance> page = attendance.page(q);
        return new AttendancePage(views(page), page.total(), q.limit(), q.offset());
    }

    public TodayPage today(@Header("limit") String limit, @Header("offset") String offset) {
        AttendanceQuery q = attendance.today(Params.integer("limit", limit, 100, 1, MAX_PAGE),
                Params.integer("offset", offset, 0, 0, Integer.MAX_VALUE));
        Page<Attendance> page = attendance.page(q);
        return new TodayPage(clock.today().toString(), views(page), page.total(), q.limit(), q.offset());
    }

    public AttendanceReply get(@Header("id") String id) {
        return new AttendanceReply(view(attendance.get(Params.pathLong("id", id))));
    }

    public AttendanceCreated create(Exchange ex) {
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(CREATE_FIELDS, Set.of());
        AttendanceInput input = new AttendanceInput(PersonApi.checkedPersonId(in.text("person_id", true, 64)),
                in.text("check_in", true, 64), in.text("check_out", false, 64), in.text("note", false, 1000));
        Instant checkIn = clock.parseInstant("check_in", input.checkIn());
        Instant checkOut = input.checkOut() == null ? null : clock.parseInstant("check_out", input.checkOut());
        return new AttendanceCreated(view(attendance.record(input.personId(), checkIn, checkOut, "manual",
                input.note())));
    }

    public AttendanceReply patch(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        long id = req.pathLong("id");
        JsonInput in = JsonInput.of(req).onlyFields(PATCH_FIELDS, READ_ONLY);
        String in1 = in.has("check_in") ? in.text("check_in", true, 64) : null;
        String out = in.text("check_out", false, 64);
        AttendanceCorrection change = new AttendanceCorrection(
                in1 == null ? null : clock.parseInstant("check_in", in1),
                out == null ? null : clock.parseInstant("check_out", out), in.has("check_out"),
                in.text("note", false, 1000), in.has("note"));
        return new AttendanceReply(view(attendance.correct(id, change, req.actor())));
    }

    private List<AttendanceView> views(Page<Attendance> page) {
        List<AttendanceView> rows = new ArrayList<>(page.rows().size());
        for (Attendance a : page.rows()) {
            rows.add(view(a));
        }
        return rows;
    }

    private AttendanceView view(Attendance a) {
        return AttendanceView.of(a, clock);
    }
}
