package io.faceclock.camera;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.ConflictException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.Box;
import io.faceclock.face.FaceGallery;
import io.faceclock.face.Point;
import io.faceclock.face.Quality;
import io.faceclock.face.Template;
import io.faceclock.people.Person;
import io.faceclock.store.CameraStore;
import io.faceclock.store.CameraStore.UnknownRow;
import io.faceclock.store.CameraStore.View;
import io.faceclock.store.FaceStore;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PersonStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unknown-faces queue: an unknown visit's best snapshot, kept for the retention time, which an
 * operator can assign to a person (its best views become that person's templates) or discard.
 */
public final class UnknownFaces {

    /** What an assignment did. */
    public record Assignment(Person person, int templates, String message) {
    }

    private final CameraStore store;
    private final Jdbc jdbc;
    private final PersonStore persons;
    private final FaceStore faces;
    private final FaceGallery gallery;
    private final FaceDecider decider;
    private final boolean keepThumbnails;
    private final Duration retention;
    private final int views;
    private final AuditLog audit;
    private final Clock clock;

    public UnknownFaces(CameraStore store, Jdbc jdbc, PersonStore persons, FaceStore faces, FaceGallery gallery,
                        FaceDecider decider, boolean keepThumbnails, Duration retention, int views, AuditLog audit,
                        Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.persons = persons;
        this.faces = faces;
        this.gallery = gallery;
        this.decider = decider;
        this.keepThumbnails = keepThumbnails;
        this.retention = retention;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
    }

    /** Queues the best view of a visit that ended unknown; other decisions pass by. */
    public VisitDecision queue(VisitDecision d) {
        if (!d.isNewlyUnknown() || d.best() == null) {
            return d;
        }
        List<AnalyzedFace> best = d.visit().best().stream().limit(views).map(SeenFace::face).toList();
        store.insertUnknown(d.visit().cameraId(), d.visit().startedAt(), d.best().face(), d.best().snapshotJpeg(), best);
        return d;
    }

    public List<UnknownRow> list(int limit, int offset) {
        return store.unknowns(limit, offset);
    }

    public Optional<byte[]> snapshot(long id) {
        return store.snapshot(id);
    }

    public boolean discard(long id) {
        return store.deleteUnknown(id) > 0;
    }

    /**
     * Enrols the unknown face's views as templates of the person and removes it from the queue. A
     * view the recognition rule already takes for somebody else is refused unless forced, as a photo
     * enrolment is.
     */
    public Assignment assign(long id, String personId, boolean force) {
        Instant now = clock.instant();
        List<Template> added = new ArrayList<>();
        Assignment done = jdbc.inTransaction(c -> {
            added.clear();
            Optional<Person> person = persons.lockByPersonId(c, personId);
            if (person.isEmpty()) {
                throw new NotFoundException("person_id", "No person with person_id '" + personId + "'");
            }
            Optional<UnknownRow> row = store.lockUnknown(c, id);
            if (row.isEmpty()) {
                throw new NotFoundException("id", "No unknown face " + id + " (assigned, discarded or expired)");
            }
            Person p = person.get();
            List<AnalyzedFace> toEnrol = new ArrayList<>();
            for (View v : store.views(c, id)) {
                AnalyzedFace f = face(v, row.get().modelId());
                FaceDecision says = decider.decide(f);
                if (!force && says.recognized() && says.personRef() != p.id()) {
                    String who = persons.findById(c, says.personRef()).map(x -> x.personId() + " (" + x.name() + ")")
                            .orElse("another person");
                    throw new ConflictException("person_id", String.format(java.util.Locale.ROOT,
                            "This face is recognised as %s (score %.2f); send force=true to assign it to %s anyway",
                            who, says.score(), personId));
                }
                toEnrol.add(f);
            }
            for (AnalyzedFace f : toEnrol) {
                long templateId = faces.insert(c, p.id(), f, keepThumbnails, now);
                added.add(new Template(templateId, p.id(), f.modelId(), f.embedding()));
            }
            store.deleteUnknown(c, id);
            audit.write(c, AuditLog.PERSON, LogLevel.INFO, "Unknown face " + id + " from camera " + row.get().cameraId()
                    + " assigned to " + p.personId() + " (" + added.size() + " templates)",
                    Map.of("unknown_face_id", id, "person_id", p.personId(), "templates", added.size(),
                            "camera", row.get().cameraId()));
            return new Assignment(p, added.size(), "Unknown face " + id + " enrolled as " + added.size()
                    + " templates of " + p.personId());
        });
        // the gallery follows once the templates are committed
        added.forEach(gallery::add);
        return done;
    }

    /** Drops unknown faces older than the retention time; returns how many. */
    public int purgeExpired() {
        int removed = store.purgeUnknownBefore(clock.instant().minus(retention));
        if (removed > 0) {
            audit.write(CameraLog.CATEGORY, LogLevel.INFO, "Removed " + removed + " unknown faces older than "
                    + retention.toDays() + " days", Map.of("removed", removed, "retention_days", retention.toDays()));
        }
        return removed;
    }

    private static AnalyzedFace face(View v, String modelId) {
        Quality q = new Quality(v.sizePx(), v.detectorScore(), v.sharpness(), v.yaw(), List.of());
        List<Point> none = Collections.nCopies(5, new Point(0, 0));
        return new AnalyzedFace(new Box(0, 0, v.sizePx(), v.sizePx()), none, v.detectorScore(), q, v.embedding(),
                modelId, v.thumbnail());
    }
}
