package io.faceclock.people;

import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.ConflictException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.store.Jdbc;
import io.faceclock.store.Page;
import io.faceclock.store.PersonStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Creating, changing and removing people, with the uniqueness rules the API promises. */
public final class PersonService {

    /** Told when a person is removed: inside the transaction, and once it is committed. */
    public interface RemovalListener {
        default void removed(Connection c, Person person) throws SQLException {
        }

        /** For in-memory state (the face gallery), which must not change if the removal rolls back. */
        default void afterCommit(Person person) {
        }
    }

    private final Jdbc jdbc;
    private final PersonStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<RemovalListener> removalListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    public PersonService(Jdbc jdbc, PersonStore store, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    public void addRemovalListener(RemovalListener l) {
        removalListeners.add(l);
    }

    /** Told once a person's creation, change or removal is committed (in-memory copies follow it). */
    public void afterEachChange(Runnable l) {
        changeListeners.add(l);
    }

    public Person get(String personId) {
        return store.findByPersonId(personId).orElseThrow(() -> notFound(personId));
    }

    public List<Person> search(PersonQuery q) {
        return store.search(q);
    }

    public long count(PersonQuery q) {
        return store.count(q);
    }

    /** One page of people and how many match in all. */
    public Page<Person> page(PersonQuery q) {
        return store.page(q);
    }

    public Person create(PersonFields f) {
        return changed(jdbc.inTransaction(c -> {
            if (store.findByPersonId(c, f.personId()).isPresent()) {
                throw new ConflictException("person_id", "A person with person_id '" + f.personId() + "' already exists");
            }
            checkOdooIdFree(c, f.odooEmployeeId(), -1);
            long id = store.insert(c, f, now());
            return store.findById(c, id).orElseThrow();
        }));
    }

    /** Replaces the writable fields; a new person_id renames the person and keeps their history. */
    public Person update(String personId, PersonFields f) {
        return update(personId, current -> f);
    }

    /**
     * Changes a person from their current state, read under the row lock, so two concurrent changes
     * (two PATCHes, a PATCH and a pull) cannot undo each other.
     */
    public Person update(String personId, java.util.function.Function<Person, PersonFields> change) {
        return changed(jdbc.inTransaction(c -> {
            Person existing = store.lockByPersonId(c, personId).orElseThrow(() -> notFound(personId));
            PersonFields f = change.apply(existing);
            if (f.equals(existing.fields())) {
                return existing; // nothing changes, so neither does updated_at
            }
            if (!f.personId().equals(personId) && store.findByPersonId(c, f.personId()).isPresent()) {
                throw new ConflictException("person_id", "A person with person_id '" + f.personId() + "' already exists");
            }
            checkOdooIdFree(c, f.odooEmployeeId(), existing.id());
            store.update(c, existing.id(), f, now());
            if (!f.personId().equals(personId)) {
                audit.write(c, AuditLog.PERSON, LogLevel.INFO, "Person " + personId + " renamed to " + f.personId(),
                        Map.of("from", personId, "to", f.personId()));
            }
            return store.findById(c, existing.id()).orElseThrow();
        }));
    }

    public Person delete(String personId) {
        Person removed = jdbc.inTransaction(c -> {
            Person p = store.lockByPersonId(c, personId).orElseThrow(() -> notFound(personId));
            for (RemovalListener l : removalListeners) {
                l.removed(c, p);
            }
            store.delete(c, p.id());
            audit.write(c, AuditLog.PERSON, LogLevel.INFO, "Person " + personId + " deleted with their attendance",
                    Map.of("person_id", personId, "name", p.name()));
            return p;
        });
        removalListeners.forEach(l -> l.afterCommit(removed));
        return changed(removed);
    }

    private Person changed(Person person) {
        changeListeners.forEach(Runnable::run);
        return person;
    }

    private void checkOdooIdFree(Connection c, Long odooId, long selfId) throws SQLException {
        if (odooId == null) {
            return;
        }
        store.findByOdooEmployeeId(c, odooId).filter(p -> p.id() != selfId).ifPresent(p -> {
            throw new ConflictException("odoo_employee_id", "Odoo employee " + odooId + " is already linked to '"
                    + p.personId() + "'");
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static NotFoundException notFound(String personId) {
        return new NotFoundException("person_id", "No person with person_id '" + personId + "'");
    }
}
