package io.faceclock.recognition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.app.FaceclockConfiguration;
import io.faceclock.config.Settings;
import io.faceclock.face.FaceGallery;
import io.faceclock.face.PersonScore;
import io.faceclock.face.Shared;
import io.faceclock.people.Person;
import io.faceclock.people.PersonFields;
import io.faceclock.store.FaceStore;
import io.faceclock.store.PeopleChanges;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A second copy of the gallery and its people (another node's) over the same H2 database, kept up to
 * date by a {@link GalleryFollower} from the changes this node makes: one by one, many at once, and
 * from further behind than the change log keeps.
 */
class GalleryFollowerTest {

    private FaceclockConfiguration here;
    private GalleryFollower other;
    private PeopleChanges changes;

    @BeforeEach
    void open() throws Exception {
        here = FaceclockConfiguration.of(Settings.of(Map.of(Settings.DATA_DIR,
                Files.createTempDirectory("faceclock-follower").toString(), "faceclock.models.dir",
                Shared.models().toString())));
        FaceGallery mine = here.faceRegistry().gallery();
        changes = new PeopleChanges(here.jdbc());
        other = new GalleryFollower(here.jdbc(), changes, here.personStore(), new FaceStore(here.jdbc()),
                new FaceGallery(mine.modelId(), 128), new EnrolledPeople(id -> Optional.empty()));
        other.reloadAll();
    }

    @AfterEach
    void close() throws Exception {
        here.close();
    }

    @Test
    void an_enrolment_then_an_archival_are_taken_in_person_by_person() {
        Person penny = enrol("penny");
        assertEquals(1, other.catchUp(), "one person changed");
        assertEquals(Optional.of("penny"), best("penny4.png"));
        assertTrue(other.people().find(penny.id()).orElseThrow().active());

        here.people().update("penny", p -> withActive(p.fields(), false));
        assertEquals(1, other.catchUp());
        assertFalse(other.people().find(penny.id()).orElseThrow().active(), "archived on the other copy too");
        assertEquals(changes.version(), other.seen());
        assertEquals(0, other.catchUp(), "nothing new");
    }

    @Test
    void more_changes_than_are_taken_one_by_one_are_taken_in_by_one_reload() {
        for (int i = 0; i < GalleryFollower.ONE_BY_ONE + 5; i++) {
            here.people().create(new PersonFields("crowd-" + i, "Crowd " + i, null, null, null, null, Map.of(), true,
                    null));
        }
        Person penny = enrol("penny");
        other.catchUp();
        assertEquals(Optional.of("penny"), best("penny4.png"));
        assertEquals(1, other.people().size(), "only people with templates are kept: " + other.people().size());
        assertEquals(penny.id(), other.people().find(penny.id()).orElseThrow().id());
        assertEquals(changes.version(), other.seen());
    }

    @Test
    void a_copy_further_behind_than_the_change_log_keeps_reloads_everything() {
        enrol("penny");
        other.catchUp();
        Person howard = enrol("howard");
        here.people().delete("penny");
        changes.forgetUpTo(changes.version()); // as if the log had been trimmed past this copy

        other.catchUp();
        assertEquals(Optional.of("howard"), best("howard4.png"));
        assertEquals(Optional.empty(), best("penny4.png").filter("penny"::equals), "penny's deletion taken in");
        assertEquals(List.of(howard.id()), other.people().find(howard.id()).map(Person::id).stream().toList());
        assertEquals(changes.version(), other.seen());
    }

    private Person enrol(String who) {
        Person p = here.people().create(new PersonFields(who, who, null, null, null, null, Map.of(), true, null));
        for (int i = 1; i <= 3; i++) {
            here.faceRegistry().enrol(who, Shared.photo("bbt/" + who + "/" + who + i + ".png"), true);
        }
        return p;
    }

    /** Whom the other copy scores best for the photo, above the recognition threshold. */
    private Optional<String> best(String photo) {
        String who = photo.replaceAll("\\d.*", "");
        float[] face = here.faceEngine().require().embedSingle(Shared.photo("bbt/" + who + "/" + photo)).embedding();
        RecognitionRule rule = here.faceRegistry().rule();
        List<PersonScore> top = other.gallery().score(face, 1, rule.scoring());
        return top.stream().filter(s -> s.score() >= rule.threshold()).findFirst()
                .flatMap(s -> other.people().find(s.personKey())).map(Person::personId);
    }

    private static PersonFields withActive(PersonFields f, boolean active) {
        return new PersonFields(f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                f.metadata(), active, f.odooEmployeeId());
    }
}
