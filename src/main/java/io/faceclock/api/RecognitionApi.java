package io.faceclock.api;

import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.Punch;
import io.faceclock.attendance.PunchRules;
import io.faceclock.attendance.SiteClock;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Point;
import io.faceclock.recognition.Recognizer;
import io.faceclock.recognition.Recognizer.Match;
import io.faceclock.recognition.Recognizer.Recognition;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;

/** /recognize, /verify and /attendance/mark: faces in, people and punches out. */
public final class RecognitionApi {

    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final Recognizer recognizer;
    private final AttendanceService attendance;
    private final PunchRules rules;
    private final double threshold;
    private final AuditLog audit;
    private final SiteClock clock;

    public RecognitionApi(Recognizer recognizer, AttendanceService attendance, PunchRules rules, double threshold,
                          AuditLog audit) {
        this.recognizer = recognizer;
        this.attendance = attendance;
        this.rules = rules;
        this.threshold = threshold;
        this.audit = audit;
        this.clock = attendance.clock();
    }

    public void recognize(Exchange ex) {
        ImageInput in = ImageInput.of(ex);
        String top = in.field(ex, "top_k");
        int topK = top == null ? 3 : parseTopK(top);
        List<Map<String, Object>> faces = recognizer.recognize(in.image(), topK).stream().map(this::json).toList();
        Responses.ok(ex, Map.of("faces", faces, "count", faces.size(), "threshold", threshold));
    }

    public void verify(Exchange ex) {
        ImageInput in = ImageInput.of(ex);
        String personId = in.field(ex, "person_id");
        if (personId == null) {
            throw ApiException.badRequest("person_id", "person_id is required");
        }
        PersonApi.checkedPersonId(personId);
        Match m = recognizer.verify(personId, in.image());
        Responses.ok(ex, Map.of("person_id", personId, "same_person", m.similarity() >= threshold,
                "similarity", FaceApi.round(m.similarity()), "threshold", threshold));
    }

    /** Kiosk: recognise the main face and punch for that person under the source's policy. */
    public void mark(Exchange ex) {
        ImageInput in = ImageInput.of(ex);
        String source = in.field(ex, "source");
        if (source == null) {
            source = "kiosk";
        } else if (!SOURCE.matcher(source).matches()) {
            throw ApiException.badRequest("source", "source must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        Recognition r = recognizer.recognizeMain(in.image());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("face", json(r));
        if (r.best().isEmpty()) {
            double best = r.matches().isEmpty() ? 0 : r.matches().get(0).similarity();
            log(LogLevel.INFO, "Unknown face at " + source, Map.of("source", source, "best_similarity",
                    FaceApi.round(best)));
            body.put("recorded", false);
            body.put("reason", "unknown_face");
            body.put("message", "Face not recognised; nothing recorded");
            Responses.ok(ex, body);
            return;
        }
        Match who = r.best().get();
        Punch punch = attendance.punch(who.person().id(), clock.now(), source, rules);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("person_id", who.person().personId());
        details.put("similarity", FaceApi.round(who.similarity()));
        details.put("source", source);
        details.put("action", punch.action());
        if (punch.reason() != null) {
            details.put("reason", punch.reason());
        }
        log(LogLevel.INFO, punch.message(), details);
        body.put("recorded", punch.recorded());
        body.put("action", punch.action());
        body.put("person", Map.of("person_id", who.person().personId(), "name", who.person().name()));
        body.put("similarity", FaceApi.round(who.similarity()));
        if (punch.reason() != null) {
            body.put("reason", punch.reason());
        }
        body.put("message", punch.message());
        if (punch.attendance() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", punch.attendance().id());
            a.put("check_in", clock.format(punch.attendance().checkIn()));
            a.put("check_out", clock.format(punch.attendance().checkOut()));
            body.put("attendance", a);
        }
        body.put("at", clock.format(clock.now()));
        Responses.ok(ex, body);
    }

    private void log(LogLevel level, String message, Map<String, Object> details) {
        audit.write(AuditLog.ATTENDANCE, level, message, details);
    }

    private static int parseTopK(String text) {
        try {
            int k = Integer.parseInt(text.trim());
            if (k >= 1 && k <= 20) {
                return k;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest("top_k", "top_k must be a whole number from 1 to 20");
    }

    private Map<String, Object> json(Recognition r) {
        AnalyzedFace f = r.face();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("box", Map.of("x", Math.round(f.box().x()), "y", Math.round(f.box().y()),
                "width", Math.round(f.box().width()), "height", Math.round(f.box().height())));
        m.put("landmarks", f.landmarks().stream().map(RecognitionApi::point).toList());
        m.put("detector_score", FaceApi.round(f.score()));
        m.put("quality", Map.of("ok", f.quality().ok(), "size_px", f.quality().sizePx(),
                "sharpness", FaceApi.round(f.quality().sharpness()),
                "issues", f.quality().issues().stream().map(i -> i.message()).toList()));
        m.put("matches", r.matches().stream().map(x -> Map.of("person_id", x.person().personId(),
                "name", x.person().name(), "similarity", FaceApi.round(x.similarity()))).toList());
        m.put("decision", r.decision());
        m.put("person_id", r.best().map(x -> x.person().personId()).orElse(null));
        return m;
    }

    private static List<Long> point(Point p) {
        return List.of(Math.round(p.x()), Math.round(p.y()));
    }
}
