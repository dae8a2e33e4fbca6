package io.faceclock.store;

import io.faceclock.json.Json;
import io.faceclock.people.Person;
import io.faceclock.people.PersonFields;
import io.faceclock.people.PersonQuery;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** People in the database. Methods taking a Connection join the caller's transaction. */
public final class PersonStore {

    private static final String COLUMNS = "id, person_id, name, email, phone, department, position, metadata, "
            + "active, odoo_employee_id, created_at, updated_at";

    private final Jdbc jdbc;

    public PersonStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Person> findByPersonId(String personId) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM person WHERE person_id = ?", PersonStore::map, personId);
    }

    public Optional<Person> findByPersonId(Connection c, String personId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM person WHERE person_id = ?", PersonStore::map, personId);
    }

    public Optional<Person> findById(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM person WHERE id = ?", PersonStore::map, id);
    }

    public Optional<Person> findByOdooEmployeeId(Connection c, long odooId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM person WHERE odoo_employee_id = ?",
                PersonStore::map, odooId);
    }

    /** Locks the person's row until the transaction ends, serialising changes to their attendance. */
    public Optional<Person> lockByPersonId(Connection c, String personId) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM person WHERE person_id = ? FOR UPDATE",
                PersonStore::map, personId);
    }

    public Optional<Person> lockById(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM person WHERE id = ? FOR UPDATE", PersonStore::map, id);
    }

    public long insert(Connection c, PersonFields f, Instant now) throws SQLException {
        return Jdbc.insert(c, "INSERT INTO person (person_id, name, email, phone, department, position, metadata, "
                        + "active, odoo_employee_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                Json.write(f.metadata()), f.active(), Jdbc.orNull(f.odooEmployeeId()), now, now);
    }

    public void update(Connection c, long id, PersonFields f, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE person SET person_id = ?, name = ?, email = ?, phone = ?, department = ?, "
                        + "position = ?, metadata = ?, active = ?, odoo_employee_id = ?, updated_at = ? WHERE id = ?",
                f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                Json.write(f.metadata()), f.active(), Jdbc.orNull(f.odooEmployeeId()), now, id);
    }

    public int delete(Connection c, long id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM person WHERE id = ?", id);
    }

    public List<Person> search(PersonQuery q) {
        Where w = where(q);
        List<Object> args = new ArrayList<>(w.args);
        args.add(q.limit());
        args.add(q.offset());
        return jdbc.query("SELECT " + COLUMNS + " FROM person" + w.sql + " ORDER BY name, person_id LIMIT ? OFFSET ?",
                PersonStore::map, args.toArray());
    }

    public long count(PersonQuery q) {
        Where w = where(q);
        return jdbc.queryOne("SELECT COUNT(*) FROM person" + w.sql, rs -> rs.getLong(1), w.args.toArray()).orElse(0L);
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(PersonQuery q) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.text() != null) {
            String like = "%" + escapeLike(q.text().toLowerCase(Locale.ROOT)) + "%";
            parts.add("(LOWER(name) LIKE ? ESCAPE '\\' OR LOWER(person_id) LIKE ? ESCAPE '\\' "
                    + "OR LOWER(COALESCE(email, '')) LIKE ? ESCAPE '\\')");
            args.add(like);
            args.add(like);
            args.add(like);
        }
        if (q.active() != null) {
            parts.add("active = ?");
            args.add(q.active());
        }
        if (q.department() != null) {
            parts.add("LOWER(department) = ?");
            args.add(q.department().toLowerCase(Locale.ROOT));
        }
        return new Where(parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts), args);
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static Person map(ResultSet rs) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("person_id"), rs.getString("name"), rs.getString("email"),
                rs.getString("phone"), rs.getString("department"), rs.getString("position"),
                Json.readMap(rs.getString("metadata")), rs.getBoolean("active"),
                Jdbc.nullableLong(rs, "odoo_employee_id"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
