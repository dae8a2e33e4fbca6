package io.faceclock.recognition;

import io.faceclock.errors.ConflictException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.face.AnalyzedFace;
import io.faceclock.face.FaceException;
import io.faceclock.face.PersonScore;
import io.faceclock.people.Person;
import io.faceclock.store.PersonStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is in a photo or a camera frame: every face scored against the enrolled people and decided by
 * the {@link RecognitionRule}. Inactive people (archived in Odoo) are never candidates.
 */
public final class Recognizer {

    /** Candidates scored beyond top_k, so that inactive people left out do not empty the list. */
    private static final int EXTRA = 8;

    /** An enrolled person and their score for a face. */
    public record Match(Person person, PersonScore score) {
        public double similarity() {
            return score.score();
        }
    }

    /**
     * A face, the decision about it and the best-scoring people (best first; the decision's best and
     * runner-up are the first two).
     */
    public record Recognition(AnalyzedFace face, Decision decision, List<Match> matches) {

        /** The recognised person, only when the decision is {@code recognized}. */
        public Optional<Match> best() {
            return decision.recognized() ? Optional.of(matches.get(0)) : Optional.empty();
        }

        /** The runner-up, when there is one. */
        public Optional<Match> second() {
            return matches.size() < 2 ? Optional.empty() : Optional.of(matches.get(1));
        }
    }

    private final FaceEngineHolder engine;
    private final FaceRegistry registry;
    private final PersonStore persons;
    private final RecognitionRule rule;

    public Recognizer(FaceEngineHolder engine, FaceRegistry registry, PersonStore persons, RecognitionRule rule) {
        this.engine = engine;
        this.registry = registry;
        this.persons = persons;
        this.rule = rule;
    }

    public RecognitionRule rule() {
        return rule;
    }

    /** Every face of the photo, largest first, each decided. */
    public List<Recognition> recognize(byte[] image, int topK) {
        List<AnalyzedFace> faces = engine.require().analyze(image);
        return faces.stream().map(f -> decide(f, topK)).toList();
    }

    /**
     * The largest face of the photo (a kiosk photo), decided; a small or turned face is
     * {@code undecided} with the reason.
     *
     * @throws FaceException NO_FACE when the photo shows no face at all
     */
    public Recognition recognizeMain(byte[] image) {
        List<AnalyzedFace> faces = engine.require().analyze(image);
        if (faces.isEmpty()) {
            throw new FaceException(FaceException.Kind.NO_FACE, "no face found");
        }
        return decide(faces.get(0), 3);
    }

    /** One face already analysed (e.g. in a camera frame), decided with its best three people. */
    public Recognition decide(AnalyzedFace face) {
        return decide(face, 3);
    }

    /**
     * Whether the photo's one usable face is the given person: their score against the best other
     * active person's, decided by {@link RecognitionRule#verify}.
     */
    public Recognition verify(String personId, byte[] image) {
        Person person = persons.findByPersonId(personId)
                .orElseThrow(() -> new NotFoundException("person_id", "No person with person_id '" + personId + "'"));
        AnalyzedFace face = engine.require().embedSingle(image);
        PersonScore claimed = registry.score(person.id(), face.embedding(), rule.scoring())
                .orElseThrow(() -> new ConflictException("person_id", personId + " has no enrolled face to compare with"));
        List<Match> matches = new ArrayList<>();
        matches.add(new Match(person, claimed));
        candidates(face, 1 + EXTRA).stream().filter(m -> m.person().id() != person.id()).findFirst()
                .ifPresent(matches::add);
        Decision d = rule.verify(face.quality(), claimed, matches.size() > 1 ? matches.get(1).score() : null);
        return new Recognition(face, d, matches);
    }

    /**
     * The archived (inactive) person this face would be recognised as if archived people were still
     * candidates: lets the kiosk say "inactive" instead of "unknown" without ever punching for them.
     */
    public Optional<Person> archivedMatch(AnalyzedFace face) {
        List<Match> everyone = registry.gallery().score(face.embedding(), 2 + EXTRA, rule.scoring()).stream()
                .map(s -> registry.people().find(s.personKey()).map(p -> new Match(p, s)))
                .flatMap(Optional::stream).limit(2).toList();
        Decision d = rule.decide(face.quality(), everyone.stream().map(Match::score).toList());
        return d.recognized() && !everyone.get(0).person().active() ? Optional.of(everyone.get(0).person())
                : Optional.empty();
    }

    private Recognition decide(AnalyzedFace face, int topK) {
        List<Match> matches = candidates(face, Math.max(2, topK));
        Decision d = rule.decide(face.quality(), matches.stream().map(Match::score).toList());
        return new Recognition(face, d, matches.subList(0, Math.min(matches.size(), Math.max(topK, 2))));
    }

    /** The best active people for the face, best first; the people come from memory, not the database. */
    private List<Match> candidates(AnalyzedFace face, int count) {
        return registry.gallery().score(face.embedding(), count + EXTRA, rule.scoring()).stream()
                .map(s -> registry.people().find(s.personKey()).map(p -> new Match(p, s)))
                .flatMap(Optional::stream).filter(m -> m.person().active()).limit(count).toList();
    }
}
