package io.faceclock.api;

import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.Punch;
import io.faceclock.attendance.PunchRules;
import io.faceclock.attendance.SiteClock;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Point;
import io.faceclock.recognition.Decision;
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
    private final AuditLog audit;
    private final SiteClock clock;

    public RecognitionApi(Recognizer recognizer, AttendanceService attendance, PunchRules rules, AuditLog audit) {
        this.recognizer = recognizer;
        this.attendance = attendance;
        this.rules = rules;
        this.audit = audit;
        this.clock = attendance.clock();
    }

    public void recognize(Exchange ex) {
        ImageInput in = ImageInput.of(ex);
        String top = in.field(ex, "top_k");
        int topK = top == null ? 3 : parseTopK(top);
        List<Map<String, Object>> faces = recognizer.recognize(in.image(), topK).stream()
                .map(r -> json(r, topK)).toList();
        Responses.ok(ex, Map.of("faces", faces, "count", faces.size(), "threshold", recognizer.rule().threshold()));
    }

    public void verify(Exchange ex) {
        ImageInput in = ImageInput.of(ex);
        String personId = in.field(ex, "person_id");
        if (personId == null) {
            throw ApiException.badRequest("person_id", "person_id is required");
        }
        PersonApi.checkedPersonId(personId);
        Recognition r = recognizer.verify(personId, in.image());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("person_id", personId);
        body.put("same_person", r.decision().recognized());
        body.put("similarity", FaceApi.round(r.decision().bestScore()));
        body.put("threshold", r.decision().requiredScore());
        body.putAll(decision(r));
        Responses.ok(ex, body);
    }

    /**
     * Kiosk: recognise the main face and punch for that person under the source's policy. Only a
     * {@code recognized} face punches; unknown, ambiguous and undecided ones record nothing.
     */
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
        body.put("face", json(r, 3));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        details.putAll(decision(r));
        if (r.best().isEmpty()) {
            Decision d = r.decision();
            log(LogLevel.INFO, "Nothing recorded at " + source + ": " + d.verdict().wire() + " face (" + d.reason() + ")",
                    details);
            body.put("recorded", false);
            body.put("decision", d.verdict().wire());
            body.put("reason", d.verdict().wire() + "_face");
            body.put("message", messageFor(d));
            Responses.ok(ex, body);
            return;
        }
        Match who = r.best().get();
        Punch punch = attendance.punch(who.person().id(), clock.now(), source, rules);
        details.put("person_id", who.person().personId());
        details.put("similarity", FaceApi.round(who.similarity()));
        details.put("action", punch.action());
        if (punch.reason() != null) {
            details.put("punch_reason", punch.reason());
        }
        log(LogLevel.INFO, punch.message(), details);
        body.put("recorded", punch.recorded());
        body.put("decision", r.decision().verdict().wire());
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

    private static String messageFor(Decision d) {
        return switch (d.verdict()) {
            case UNKNOWN -> "Face not recognised; nothing recorded";
            case AMBIGUOUS -> "Face matches more than one person too closely; nothing recorded";
            default -> "Face not decided: " + d.reason() + "; nothing recorded";
        };
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

    private Map<String, Object> json(Recognition r, int topK) {
        AnalyzedFace f = r.face();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("box", Map.of("x", Math.round(f.box().x()), "y", Math.round(f.box().y()),
                "width", Math.round(f.box().width()), "height", Math.round(f.box().height())));
        m.put("landmarks", f.landmarks().stream().map(RecognitionApi::point).toList());
        m.put("detector_score", FaceApi.round(f.score()));
        m.put("quality", Map.of("ok", f.quality().ok(), "size_px", f.quality().sizePx(),
                "sharpness", FaceApi.round(f.quality().sharpness()),
                "issues", f.quality().issues().stream().map(i -> i.message()).toList()));
        m.put("matches", r.matches().stream().limit(topK).map(RecognitionApi::match).toList());
        m.putAll(decision(r));
        return m;
    }

    /** The decision and the numbers that led to it, as the API answers and the audit log records them. */
    static Map<String, Object> decision(Recognition r) {
        Decision d = r.decision();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", d.verdict().wire());
        m.put("person_id", r.best().map(x -> x.person().personId()).orElse(null));
        m.put("reason", d.reason());
        m.put("best", d.best() == null || r.matches().isEmpty() ? null : match(r.matches().get(0)));
        m.put("second", d.second() == null ? null : r.second().map(RecognitionApi::match).orElse(null));
        m.put("margin", Double.isNaN(d.margin()) ? null : FaceApi.round(d.margin()));
        m.put("face_px", d.faceSizePx());
        m.put("required", Map.of("score", d.requiredScore(), "margin", d.requiredMargin()));
        return m;
    }

    private static Map<String, Object> match(Match x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person_id", x.person().personId());
        m.put("name", x.person().name());
        m.put("similarity", FaceApi.round(x.similarity()));
        m.put("best_template", FaceApi.round(x.score().best()));
        m.put("templates", x.score().templates());
        return m;
    }

    private static List<Long> point(Point p) {
        return List.of(Math.round(p.x()), Math.round(p.y()));
    }
}
