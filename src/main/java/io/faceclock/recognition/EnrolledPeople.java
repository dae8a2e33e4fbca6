package io.faceclock.recognition;

import io.faceclock.people.Person;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * The people the gallery holds templates of, by their row id, kept in memory beside the gallery so
 * that recognising a face (every camera frame) asks the database nothing. {@link GalleryFollower}
 * keeps it in step with the database.
 */
public final class EnrolledPeople {

    private final LongFunction<Optional<Person>> fromDatabase;
    private volatile Map<Long, Person> byId = new ConcurrentHashMap<>();

    /** @param fromDatabase for a person the gallery names before this copy has them (see find) */
    public EnrolledPeople(LongFunction<Optional<Person>> fromDatabase) {
        this.fromDatabase = fromDatabase;
    }

    /**
     * The person, from memory. One whose templates reached the gallery by a path that does not catch
     * up (an unknown face assigned) is read from the database until the next poll, and not kept: only
     * the follower writes here, so a stale read never outlives a change.
     */
    public Optional<Person> find(long id) {
        Person p = byId.get(id);
        return p != null ? Optional.of(p) : fromDatabase.apply(id);
    }

    public int size() {
        return byId.size();
    }

    void put(Person person) {
        byId.put(person.id(), person);
    }

    void remove(long id) {
        byId.remove(id);
    }

    void replaceAll(Collection<Person> people) {
        Map<Long, Person> fresh = new ConcurrentHashMap<>();
        people.forEach(p -> fresh.put(p.id(), p));
        byId = fresh;
    }
}
