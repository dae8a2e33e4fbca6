package io.faceclock.odoo.sync;

import io.faceclock.store.Jdbc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How each punch was made, in Odoo's words (hr.attendance in_mode / out_mode): "kiosk" for a face
 * punch, "manual" for an attendance entered or corrected by hand, "technical" for a check-out
 * faceclock made itself (a forgotten attendance closed). The source goes where Odoo shows it to HR
 * (in_browser / out_browser, the attendance's Check In / Check Out details).
 */
final class PunchModes {

    static final String MANUAL_SOURCE = "manual";

    /** What Odoo is told about one attendance. */
    record Mode(String in, String out, String inWhere, String outWhere) {
    }

    private final Jdbc jdbc;

    PunchModes(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** attendance id -> its modes; one query per batch. */
    Map<Long, Mode> of(List<Long> attendanceIds) {
        Map<Long, Mode> out = new HashMap<>();
        for (int from = 0; from < attendanceIds.size(); from += 1000) {
            List<Long> chunk = attendanceIds.subList(from, Math.min(attendanceIds.size(), from + 1000));
            String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(","));
            jdbc.query("SELECT id, source, closed_automatically, check_in_corrected, check_out_corrected "
                    + "FROM attendance WHERE id IN (" + marks + ")", rs -> {
                        out.put(rs.getLong(1), mode(rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                                rs.getBoolean(5)));
                        return null;
                    }, chunk.toArray());
        }
        return out;
    }

    static Mode mode(String source, boolean closedAutomatically, boolean inCorrected, boolean outCorrected) {
        boolean manual = MANUAL_SOURCE.equals(source);
        String in = manual || inCorrected ? "manual" : "kiosk";
        String out = outCorrected ? "manual" : closedAutomatically ? "technical" : manual ? "manual" : "kiosk";
        String where = "faceclock: " + source;
        return new Mode(in, out, where + (inCorrected ? ", corrected" : ""),
                outCorrected ? where + ", corrected" : closedAutomatically ? "faceclock: closed automatically" : where);
    }
}
