package io.faceclock.recognition;

import io.faceclock.face.FaceGallery;
import io.faceclock.face.Template;
import io.faceclock.people.Person;
import io.faceclock.store.FaceStore;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PeopleChanges;
import io.faceclock.store.PeopleChanges.Change;
import io.faceclock.store.PersonStore;
import io.faceclock.store.StoreException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-memory gallery and {@link EnrolledPeople} in step with the database, whichever process
 * changed it (another node, the command line): it reads the {@link PeopleChanges} after the last
 * number it has seen and reloads only the people named there, their row and their templates. This
 * node's own changes are taken in right after they commit ({@link #follow} from the changing
 * thread); the others' when the follow-people-changes route polls (routes/cluster.yaml).
 */
public final class GalleryFollower {

    private static final Logger LOG = LoggerFactory.getLogger(GalleryFollower.class);

    /** More changes than this at once (a first pull from Odoo) are cheaper to take as one full reload. */
    static final int ONE_BY_ONE = 500;
    /** Changes kept in the log for nodes that are behind; one further behind reloads everything. */
    static final int KEPT = 10_000;

    private final Jdbc jdbc;
    private final PeopleChanges changes;
    private final PersonStore persons;
    private final FaceStore faces;
    private final FaceGallery gallery;
    private final EnrolledPeople people;
    private long seen = -1;
    private long forgotten;
    private volatile boolean failing;

    public GalleryFollower(Jdbc jdbc, PeopleChanges changes, PersonStore persons, FaceStore faces,
                           FaceGallery gallery, EnrolledPeople people) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.persons = persons;
        this.faces = faces;
        this.gallery = gallery;
        this.people = people;
    }

    public FaceGallery gallery() {
        return gallery;
    }

    public EnrolledPeople people() {
        return people;
    }

    /** The number of the last change taken in (-1 before the first load). */
    public synchronized long seen() {
        return seen;
    }

    /** Loads every template of the gallery's model and their people; returns how many templates. */
    public synchronized int reloadAll() {
        long version = changes.version(); // read first: what changes while loading is taken in next time
        int loaded = gallery.replaceAll(faces.templates(gallery.modelId()));
        people.replaceAll(persons.withTemplatesOf(gallery.modelId()));
        seen = version;
        return loaded;
    }

    /** Takes in every change committed since the last call; returns how many people were reloaded. */
    public synchronized int catchUp() {
        long version = changes.version();
        if (seen < 0 || version < seen) {
            reloadAll(); // not loaded yet, or the database was replaced
            return people.size();
        }
        if (version == seen) {
            return 0;
        }
        List<Change> pending = changes.since(seen, ONE_BY_ONE + 1);
        boolean gap = pending.isEmpty() || pending.get(0).version() != seen + 1;
        int reloaded;
        if (gap || pending.size() > ONE_BY_ONE || pending.stream().anyMatch(c -> c.personRef() == null)) {
            reloadAll();
            reloaded = people.size();
        } else {
            Set<Long> who = new LinkedHashSet<>();
            pending.forEach(c -> who.add(c.personRef()));
            who.forEach(this::reload);
            seen = pending.get(pending.size() - 1).version();
            reloaded = who.size();
        }
        trimLog();
        return reloaded;
    }

    /** Every node trims the log now and then, keeping the last KEPT changes for nodes that are behind. */
    private void trimLog() {
        if (seen - forgotten >= ONE_BY_ONE && seen > KEPT) {
            changes.forgetUpTo(seen - KEPT);
            forgotten = seen;
        }
    }

    /**
     * {@link #catchUp} for the polling route and right after this node's own changes: a database away
     * for a while is said once, not at every poll, and never fails a change already committed (the
     * next poll takes it in).
     */
    public void follow() {
        try {
            catchUp();
            if (failing) {
                failing = false;
                LOG.info("Following people changes again");
            }
        } catch (StoreException e) {
            if (!failing) {
                failing = true;
                LOG.warn("Cannot take in the people changes: {} (retrying)", e.getMessage());
            }
        }
    }

    private void reload(long personRef) {
        Optional<Person> person = jdbc.read(c -> persons.findById(c, personRef));
        List<Template> templates = person.isPresent() ? faces.templates(gallery.modelId(), personRef) : List.of();
        // the person before their templates, their templates before the person: a search never finds a
        // template without its person
        if (templates.isEmpty()) {
            gallery.replacePerson(personRef, templates);
            people.remove(personRef);
        } else {
            people.put(person.get());
            gallery.replacePerson(personRef, templates);
        }
    }
}
