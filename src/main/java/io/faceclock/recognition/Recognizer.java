package io.faceclock.recognition;

import io.faceclock.errors.ConflictException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.FaceException;
import io.faceclock.people.Person;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PersonStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who is in a photo: every face with its best matches, and a decision per face. */
public final class Recognizer {

    /** One best match: a person and how similar their closest template is. */
    public record Match(Person person, double similarity) {
    }

    /**
     * A face and what faceclock concludes: "known" (best match at or above the threshold),
     * "unknown", or "low_quality" (not usable, never matched). Inactive people are never matched.
     */
    public record Recognition(AnalyzedFace face, List<Match> matches, String decision) {
        public Optional<Match> best() {
            return "known".equals(decision) ? Optional.of(matches.get(0)) : Optional.empty();
        }
    }

    private final FaceEngineHolder engine;
    private final FaceRegistry registry;
    private final PersonStore persons;
    private final Jdbc jdbc;

    public Recognizer(FaceEngineHolder engine, FaceRegistry registry, PersonStore persons, Jdbc jdbc) {
        this.engine = engine;
        this.registry = registry;
        this.persons = persons;
        this.jdbc = jdbc;
    }

    public List<Recognition> recognize(byte[] image, int topK) {
        List<AnalyzedFace> faces = engine.require().analyze(image);
        Map<Long, Person> cache = new HashMap<>();
        return faces.stream().map(f -> recognise(f, topK, cache)).toList();
    }

    /** The largest face of the photo, which must be usable (a kiosk photo). */
    public Recognition recognizeMain(byte[] image) {
        List<AnalyzedFace> faces = engine.require().analyze(image);
        if (faces.isEmpty()) {
            throw new FaceException(FaceException.Kind.NO_FACE, "no face found");
        }
        AnalyzedFace main = faces.get(0);
        if (!main.quality().ok()) {
            throw main.quality().toException();
        }
        return recognise(main, 3, new HashMap<>());
    }

    /** Whether the photo's one usable face is the given person, with the similarity to their closest template. */
    public Match verify(String personId, byte[] image) {
        Person person = persons.findByPersonId(personId)
                .orElseThrow(() -> new NotFoundException("person_id", "No person with person_id '" + personId + "'"));
        AnalyzedFace face = engine.require().embedSingle(image);
        double best = registry.bestSimilarity(person.id(), face.embedding())
                .orElseThrow(() -> new ConflictException("person_id", personId + " has no enrolled face to compare with"));
        return new Match(person, best);
    }

    private Recognition recognise(AnalyzedFace face, int topK, Map<Long, Person> cache) {
        if (!face.quality().ok()) {
            return new Recognition(face, List.of(), "low_quality");
        }
        List<Match> matches = registry.gallery().search(face.embedding(), topK).stream()
                .map(h -> person(h.personKey(), cache).map(p -> new Match(p, h.similarity())))
                .flatMap(Optional::stream).filter(m -> m.person().active()).toList();
        boolean known = !matches.isEmpty() && matches.get(0).similarity() >= registry.threshold();
        return new Recognition(face, matches, known ? "known" : "unknown");
    }

    private Optional<Person> person(long id, Map<Long, Person> cache) {
        Person cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Person> p = jdbc.inTransaction(c -> persons.findById(c, id));
        p.ifPresent(x -> cache.put(id, x));
        return p;
    }
}
