package io.faceclock.recognition;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.ConflictException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.FaceException;
import io.faceclock.face.FaceGallery;
import io.faceclock.face.PersonScore;
import io.faceclock.face.PersonScoring;
import io.faceclock.face.Template;
import io.faceclock.people.Person;
import io.faceclock.store.FaceStore;
import io.faceclock.store.FaceStore.FaceRecord;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PersonStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enrolled faces: stored in the database and mirrored in the in-memory gallery, so an enrolment
 * or a deletion is visible to the very next recognition on this node, and within a poll on the
 * others ({@link GalleryFollower}).
 */
public final class FaceRegistry {

    /** The outcome of an enrolment. */
    public record Enrolled(FaceRecord face, Person person) {
    }

    /** A photo of a several-photo enrolment that was not enrolled, and why (index from 0). */
    public record Refusal(int index, String reason) {
    }

    /**
     * The outcome of a several-photo enrolment.
     *
     * @param templates the person's usable templates now (of the current model)
     * @param enough    whether that is at least the templates a person should have
     */
    public record Enrolment(Person person, List<FaceRecord> enrolled, List<Refusal> refused, int templates,
                            boolean enough) {
    }

    private final Jdbc jdbc;
    private final PersonStore persons;
    private final FaceStore store;
    private final FaceEngineHolder engine;
    private final FaceGallery gallery;
    private final GalleryFollower follower;
    private final RecognitionRule rule;
    private final boolean keepThumbnails;
    private final int enoughTemplates;
    private final AuditLog audit;
    private final Clock clock;

    public FaceRegistry(Jdbc jdbc, PersonStore persons, FaceStore store, FaceEngineHolder engine,
                        GalleryFollower follower, RecognitionRule rule, boolean keepThumbnails, int enoughTemplates, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.store = store;
        this.engine = engine;
        this.gallery = follower.gallery();
        this.follower = follower;
        this.rule = rule;
        this.keepThumbnails = keepThumbnails;
        this.enoughTemplates = enoughTemplates;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Templates a person should have ({@code faceclock.face.enough-templates}, 3: enrolled from three
     * photos instead of one, false rejects at the default threshold fall from about 11% to about 4%,
     * docs/face-threshold.md).
     */
    public int enoughTemplates() {
        return enoughTemplates;
    }

    /** Loads every template of the current model into the gallery, and their people; returns how many. */
    public int loadGallery() {
        int loaded = follower.reloadAll();
        long stale = store.countOtherModels(gallery.modelId());
        if (stale > 0) {
            audit.write(AuditLog.SYSTEM, LogLevel.WARNING, stale + " face templates were made by another model and "
                    + "are not compared; re-enrol those people (see README, 'Changing the face model')",
                    Map.of("stale_templates", stale, "model", gallery.modelId()));
        }
        return loaded;
    }

    public FaceGallery gallery() {
        return gallery;
    }

    /** The people of the gallery's templates, in memory. */
    public EnrolledPeople people() {
        return follower.people();
    }

    /** Takes in the changes committed since (this node's own, the others'). */
    public GalleryFollower follower() {
        return follower;
    }

    public RecognitionRule rule() {
        return rule;
    }

    /** Adds a face from one photo, refusing one that already belongs to somebody else unless forced. */
    public Enrolled enrol(String personId, byte[] image, boolean force) {
        Person person = persons.findByPersonId(personId)
                .orElseThrow(() -> new NotFoundException("person_id", "No person with person_id '" + personId + "'"));
        AnalyzedFace face = engine.require().embedSingle(image);
        if (!force) {
            Optional<PersonScore> other = gallery.score(face.embedding(), 3, rule.scoring()).stream()
                    .filter(h -> h.personKey() != person.id() && h.score() >= rule.threshold()).findFirst();
            if (other.isPresent()) {
                String who = jdbc.inTransaction(c -> persons.findById(c, other.get().personKey()))
                        .map(p -> p.personId() + " (" + p.name() + ")").orElse("another person");
                throw new ConflictException("image", String.format("This face matches %s with similarity %.2f; "
                        + "send force=true to enrol it for %s anyway", who, other.get().score(), personId));
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long id = jdbc.inTransaction(c -> {
            persons.lockById(c, person.id()).orElseThrow(() -> new NotFoundException("person_id",
                    "No person with person_id '" + personId + "'"));
            return store.insert(c, person.id(), face, keepThumbnails, now);
        });
        follower.follow();
        return new Enrolled(store.find(person.id(), id).orElseThrow(), person);
    }

    /**
     * Enrols every photo that has exactly one usable face not matching somebody else (unless forced);
     * each other photo is refused with the reason. Refuses the whole call only when none is enrolled (a
     * single photo with its own reason, as {@link #enrol}).
     */
    public Enrolment enrolAll(String personId, List<byte[]> photos, boolean force) {
        Person person = person(personId);
        List<FaceRecord> enrolled = new java.util.ArrayList<>();
        List<Refusal> refused = new java.util.ArrayList<>();
        RuntimeException first = null;
        if (photos.size() == 1) {
            enrolled.add(enrol(personId, photos.get(0), force).face()); // one photo: its refusal is the answer
        }
        for (int i = 0; i < photos.size() && photos.size() > 1; i++) {
            try {
                enrolled.add(enrol(personId, photos.get(i), force).face());
            } catch (FaceException | ConflictException e) {
                refused.add(new Refusal(i, e.getMessage()));
                first = first == null ? e : first;
            }
        }
        if (enrolled.isEmpty() && first != null) {
            String why = refused.stream().map(r -> "photo " + (r.index() + 1) + ": " + r.reason())
                    .collect(java.util.stream.Collectors.joining("; "));
            String message = "None of the " + photos.size() + " photos was enrolled (" + why + ")";
            throw first instanceof FaceException fe ? new FaceException(fe.kind(), message)
                    : new ConflictException("image", message);
        }
        int templates = store.templates(gallery.modelId(), person.id()).size();
        return new Enrolment(person, enrolled, refused, templates, templates >= enoughTemplates);
    }

    /** The person's score for the embedding over their templates of the current model; empty without any. */
    public Optional<PersonScore> score(long personRef, float[] embedding, PersonScoring scoring) {
        List<Template> mine = store.templates(gallery.modelId(), personRef);
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        double[] sims = mine.stream().mapToDouble(t -> dot(t.embedding(), embedding)).toArray();
        int best = 0;
        for (int i = 1; i < sims.length; i++) {
            best = sims[i] > sims[best] ? i : best;
        }
        return Optional.of(new PersonScore(personRef, scoring.score(sims), sims[best], mine.get(best).templateId(),
                sims.length));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    public List<FaceRecord> list(String personId) {
        return store.forPerson(person(personId).id());
    }

    public void delete(String personId, long faceId) {
        Person p = person(personId);
        if (store.delete(p.id(), faceId) == 0) {
            throw new NotFoundException("face_id", "Person " + personId + " has no face " + faceId);
        }
        follower.follow();
    }

    public byte[] thumbnail(String personId, long faceId) {
        return store.thumbnail(person(personId).id(), faceId).orElseThrow(() -> new NotFoundException("face_id",
                "No thumbnail for face " + faceId + " of " + personId));
    }

    private Person person(String personId) {
        return persons.findByPersonId(personId)
                .orElseThrow(() -> new NotFoundException("person_id", "No person with person_id '" + personId + "'"));
    }
}
