package io.faceclock.api;

import io.faceclock.api.dto.AttendanceCorrectionInput;
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
import io.faceclock.security.ApiKey;
import io.faceclock.store.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** /attendance: list by site dates, today, manual entries and corrections. */
public final class AttendanceApi {

    private static final int MAX_PAGE = 1000;

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

    public AttendanceCreated create(AttendanceInput input) {
        Instant checkIn = clock.parseInstant("check_in", input.checkIn());
        Instant checkOut = input.checkOut() == null ? null : clock.parseInstant("check_out", input.checkOut());
        return new AttendanceCreated(view(attendance.record(input.personId(), checkIn, checkOut, "manual",
                input.note())));
    }

    public AttendanceReply patch(AttendanceCorrectionInput input, @Header("id") String idParam,
            @ExchangeProperty(ApiRequest.API_KEY_PROPERTY) ApiKey key) {
        long id = Params.pathLong("id", idParam);
        AttendanceCorrection change = new AttendanceCorrection(
                input.checkIn() == null ? null : clock.parseInstant("check_in", input.checkIn()),
                input.checkOut() == null ? null : clock.parseInstant("check_out", input.checkOut()),
                input.given("check_out"), input.note(), input.given("note"));
        return new AttendanceReply(view(attendance.correct(id, change, ApiRequest.actor(key))));
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
