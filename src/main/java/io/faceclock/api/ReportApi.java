package io.faceclock.api;

import io.faceclock.api.dto.AttendanceReportReply;
import io.faceclock.api.dto.CsvFile;
import io.faceclock.api.dto.Reply;
import io.faceclock.attendance.AttendanceReport;
import io.faceclock.attendance.AttendanceReport.DayLine;
import io.faceclock.attendance.AttendanceReport.PersonLine;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.Header;

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

    public Reply attendance(@Header("start_date") String start, @Header("end_date") String end,
                            @Header("format") String formatText) {
        String format = Params.text(formatText) == null ? "json" : Params.text(formatText);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new InvalidInputException("format", "format must be json or csv, got '" + Texts.clip(format) + "'");
        }
        LocalDate from = required("start_date", start);
        LocalDate to = required("end_date", end);
        if (to.isBefore(from)) {
            throw new InvalidInputException("end_date", "end_date " + to + " is before start_date " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("end_date", "a report covers at most " + MAX_DAYS + " days");
        }
        AttendanceReport report = attendance.report(from, to, startTime);
        if (format.equals("csv")) {
            return new CsvFile("attendance-" + report.from() + "-to-" + report.to() + ".csv", csv(report));
        }
        return new AttendanceReportReply(from.toString(), to.toString(), clock.zone().getId(), startTime.toString(),
                report.people().stream().map(ReportApi::line).toList(),
                report.days().stream().map(ReportApi::line).toList());
    }

    private LocalDate required(String field, String value) {
        String v = Params.text(value);
        if (v == null) {
            throw new InvalidInputException(field, field + " is required (YYYY-MM-DD, a site day)");
        }
        return clock.parseDate(field, v);
    }

    private static AttendanceReportReply.Person line(PersonLine p) {
        return new AttendanceReportReply.Person(p.personId(), p.name(), p.daysPresent(), p.hoursWorked(),
                p.lateArrivals(), p.daysLeftOpen(), p.daysClosedAutomatically());
    }

    private static AttendanceReportReply.Day line(DayLine d) {
        return new AttendanceReportReply.Day(d.date().toString(), d.people(), d.hoursWorked());
    }

    private static String csv(AttendanceReport report) {
        StringBuilder b = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (PersonLine p : report.people()) {
            b.append(cell(p.personId())).append(',').append(cell(p.name())).append(',').append(p.daysPresent())
                    .append(',').append(p.hoursWorked()).append(',').append(p.lateArrivals()).append(',')
                    .append(p.daysLeftOpen()).append(',').append(p.daysClosedAutomatically()).append("\r\n");
        }
        return b.toString();
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
