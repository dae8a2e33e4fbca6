package io.faceclock.api;

import io.faceclock.attendance.AttendanceReport;
import io.faceclock.attendance.AttendanceReport.DayLine;
import io.faceclock.attendance.AttendanceReport.PersonLine;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.SiteClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;

/** /reports/attendance: per person over site days, as JSON or the same figures as CSV. */
public final class ReportApi {

    static final List<String> CSV_COLUMNS = List.of("person_id", "name", "days_present", "hours_worked",
            "late_arrivals", "days_left_open", "days_closed_automatically");
    private static final int MAX_DAYS = 366;

    private final AttendanceService attendance;
    private final SiteClock clock;
    private final LocalTime startTime;

    public ReportApi(AttendanceService attendance, LocalTime startTime) {
        this.attendance = attendance;
        this.clock = attendance.clock();
        this.startTime = startTime;
    }

    public void attendance(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String format = req.query("format") == null ? "json" : req.query("format");
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format", "format must be json or csv, got '" + Texts.clip(format) + "'");
        }
        LocalDate from = required(req, "start_date");
        LocalDate to = required(req, "end_date");
        if (to.isBefore(from)) {
            throw ApiException.badRequest("end_date", "end_date " + to + " is before start_date " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw ApiException.badRequest("end_date", "a report covers at most " + MAX_DAYS + " days");
        }
        AttendanceReport report = attendance.report(from, to, startTime);
        if (format.equals("csv")) {
            csv(ex, report);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start_date", from.toString());
        body.put("end_date", to.toString());
        body.put("timezone", clock.zone().getId());
        body.put("start_time", startTime.toString());
        body.put("data", report.people().stream().map(ReportApi::json).toList());
        body.put("days", report.days().stream().map(ReportApi::json).toList());
        Responses.ok(ex, body);
    }

    private LocalDate required(ApiRequest req, String field) {
        String v = req.query(field);
        if (v == null) {
            throw ApiException.badRequest(field, field + " is required (YYYY-MM-DD, a site day)");
        }
        return clock.parseDate(field, v);
    }

    private static Map<String, Object> json(PersonLine p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", p.personId());
        m.put("name", p.name());
        m.put("days_present", p.daysPresent());
        m.put("hours_worked", p.hoursWorked());
        m.put("late_arrivals", p.lateArrivals());
        m.put("days_left_open", p.daysLeftOpen());
        m.put("days_closed_automatically", p.daysClosedAutomatically());
        return m;
    }

    private static Map<String, Object> json(DayLine d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", d.date().toString());
        m.put("people", d.people());
        m.put("hours_worked", d.hoursWorked());
        return m;
    }

    private void csv(Exchange ex, AttendanceReport report) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (PersonLine p : report.people()) {
            b.append(cell(p.personId())).append(',').append(cell(p.name())).append(',').append(p.daysPresent())
                    .append(',').append(p.hoursWorked()).append(',').append(p.lateArrivals()).append(',')
                    .append(p.daysLeftOpen()).append(',').append(p.daysClosedAutomatically()).append("\r\n");
        }
        var m = ex.getMessage();
        m.getHeaders().clear();
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        m.setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
        m.setHeader("Content-Disposition", "attachment; filename=\"attendance-" + report.from() + "-to-"
                + report.to() + ".csv\"");
        m.setBody(b.toString());
    }

    /**
     * RFC 4180 quoting; a text a spreadsheet would run as a formula (=, +, -, @) gets a leading
     * apostrophe.
     */
    static String cell(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        if (t.contains(",") || t.contains("\"") || t.contains("\n") || t.contains("\r")) {
            t = "\"" + t.replace("\"", "\"\"") + "\"";
        }
        return t;
    }
}
