package io.faceclock.api;

import io.faceclock.api.dto.MarkReply;
import io.faceclock.api.dto.RecognizeReply;
import io.faceclock.api.dto.RecognizedFace;
import io.faceclock.api.dto.VerifyReply;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.Punch;
import io.faceclock.attendance.PunchRules;
import io.faceclock.attendance.SiteClock;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Point;
import io.faceclock.recognition.Decision;
import io.faceclock.people.Person;
import io.faceclock.recognition.Recognizer;
import io.faceclock.recognition.Recognizer.Match;
import io.faceclock.recognition.Recognizer.Recognition;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.Header;

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

    public RecognizeReply recognize(ImageInput in, @Header("top_k") String topParam) {
        String top = in.field("top_k", topParam);
        int topK = top == null ? 3 : parseTopK(top);
        List<RecognizedFace> faces = recognizer.recognize(in.image(), topK).stream().map(r -> face(r, topK)).toList();
        return new RecognizeReply(true, faces, faces.size(), recognizer.rule().threshold());
    }

    public VerifyReply verify(ImageInput in, @Header("person_id") String personIdParam) {
        String personId = in.field("person_id", personIdParam);
        if (personId == null) {
            throw ApiException.badRequest("person_id", "person_id is required");
        }
        PersonApi.checkedPersonId(personId);
        Recognition r = recognizer.verify(personId, in.image());
        Decision d = r.decision();
        RecognizedFace decided = face(r, 0);
        // person_id is the person asked about, whatever the answer; same_person is the answer
        return new VerifyReply(true, personId, d.recognized(), FaceApi.round(d.bestScore()),
                d.requiredScore(), decided.decision(), decided.reason(), decided.best(), decided.second(),
                decided.margin(), decided.facePx(), decided.required());
    }

    /**
     * Kiosk: recognise the main face and punch for that person under the source's policy. Only a
     * {@code recognized} face punches; unknown, ambiguous and undecided ones record nothing.
     */
    public MarkReply mark(ImageInput in, @Header("source") String sourceParam) {
        String source = in.field("source", sourceParam);
        if (source == null) {
            source = "kiosk";
        } else if (!SOURCE.matcher(source).matches()) {
            throw ApiException.badRequest("source", "source must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
        } else if (source.equalsIgnoreCase("manual")) {
            // Odoo would be told the punch was entered by hand (in_mode manual)
            throw ApiException.badRequest("source", "source 'manual' is for attendance entered by hand "
                    + "(POST /attendance); a face punch names its kiosk or camera");
        }
        Recognition r = recognizer.recognizeMain(in.image());
        RecognizedFace face = face(r, 3);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", source);
        details.putAll(decision(r));
        if (r.best().isEmpty() && r.decision().verdict() == Decision.Verdict.UNKNOWN) {
            Optional<Person> archived = recognizer.archivedMatch(r.face());
            if (archived.isPresent()) {
                details.put("person_id", archived.get().personId());
                log(LogLevel.INFO, "Nothing recorded at " + source + ": " + archived.get().personId()
                        + " is archived (inactive)", details);
                return new MarkReply(true, face, false, r.decision().verdict().wire(), null, null, null, "inactive",
                        "This person is archived (inactive); nothing recorded", null, null);
            }
        }
        if (r.best().isEmpty()) {
            Decision d = r.decision();
            log(LogLevel.INFO, "Nothing recorded at " + source + ": " + d.verdict().wire() + " face (" + d.reason() + ")",
                    details);
            return new MarkReply(true, face, false, d.verdict().wire(), null, null, null, d.verdict().wire() + "_face",
                    messageFor(d), null, null);
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
        MarkReply.Punched punched = punch.attendance() == null ? null : new MarkReply.Punched(punch.attendance().id(),
                clock.format(punch.attendance().checkIn()), clock.format(punch.attendance().checkOut()));
        return new MarkReply(true, face, punch.recorded(), r.decision().verdict().wire(), punch.action(),
                new MarkReply.Who(who.person().personId(), who.person().name()), FaceApi.round(who.similarity()),
                punch.reason(), punch.message(), punched, clock.format(clock.now()));
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

    private RecognizedFace face(Recognition r, int topK) {
        AnalyzedFace f = r.face();
        Decision d = r.decision();
        RecognizedFace.Box box = new RecognizedFace.Box(Math.round(f.box().x()), Math.round(f.box().y()),
                Math.round(f.box().width()), Math.round(f.box().height()));
        RecognizedFace.Quality quality = new RecognizedFace.Quality(f.quality().ok(), f.quality().sizePx(),
                FaceApi.round(f.quality().sharpness()), f.quality().issues().stream().map(i -> i.message()).toList());
        return new RecognizedFace(box, f.landmarks().stream().map(RecognitionApi::point).toList(),
                FaceApi.round(f.score()), quality, r.matches().stream().limit(topK).map(RecognitionApi::candidate).toList(),
                d.verdict().wire(), r.best().map(x -> x.person().personId()).orElse(null), d.reason(),
                d.best() == null || r.matches().isEmpty() ? null : candidate(r.matches().get(0)),
                d.second() == null ? null : r.second().map(RecognitionApi::candidate).orElse(null),
                Double.isNaN(d.margin()) ? null : FaceApi.round(d.margin()), d.faceSizePx(),
                new RecognizedFace.Required(d.requiredScore(), d.requiredMargin()));
    }

    private static RecognizedFace.Candidate candidate(Match x) {
        return new RecognizedFace.Candidate(x.person().personId(), x.person().name(), FaceApi.round(x.similarity()),
                FaceApi.round(x.score().best()), x.score().templates());
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
