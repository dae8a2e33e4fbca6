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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * People in the database. Methods taking a Connection join the caller's transaction; those that
 * change a person record it in {@link PeopleChanges}, for the other nodes' copies.
 */
public final class PersonStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersonStore.class);

    private static final String COLUMNS = "id, person_id, name, email, phone, department, position, metadata, "
            + "active, odoo_employee_id, created_at, updated_at";
    /** Position of the first column after COLUMNS. */
    private static final int TOTAL_COLUMN = 13;

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
        long id = Jdbc.insert(c, "INSERT INTO person (person_id, name, email, phone, department, position, metadata, "
                        + "active, odoo_employee_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                Json.write(f.metadata()), f.active(), Jdbc.orNull(f.odooEmployeeId()), now, now);
        PeopleChanges.record(c, id);
        return id;
    }

    public void update(Connection c, long id, PersonFields f, Instant now) throws SQLException {
        Jdbc.update(c, "UPDATE person SET person_id = ?, name = ?, email = ?, phone = ?, department = ?, "
                        + "position = ?, metadata = ?, active = ?, odoo_employee_id = ?, updated_at = ? WHERE id = ?",
                f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                Json.write(f.metadata()), f.active(), Jdbc.orNull(f.odooEmployeeId()), now, id);
        PeopleChanges.record(c, id);
    }

    /** Removes the person; their templates go with them (the database cascades). */
    public int delete(Connection c, long id) throws SQLException {
        int removed = Jdbc.update(c, "DELETE FROM person WHERE id = ?", id);
        PeopleChanges.record(c, id);
        return removed;
    }

    /** Everyone with a template of that model: the people recognition can name. */
    public List<Person> withTemplatesOf(String modelId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM person WHERE id IN (SELECT person_ref FROM face_template "
                + "WHERE model_id = ?)", PersonStore::map, modelId);
    }

    public List<Person> search(PersonQuery q) {
        return page(q).rows();
    }

    public long count(PersonQuery q) {
        Where w = where(q);
        return jdbc.queryOne("SELECT COUNT(*) FROM person" + w.sql, rs -> rs.getLong(1), w.args.toArray()).orElse(0L);
    }

    /**
     * The page and the total in one statement: a text search has to look at every row, so the
     * page and the count share that one pass (COUNT(*) OVER() counts before LIMIT). A page past
     * the end has no row to carry the total; only then is it counted on its own.
     */
    public Page<Person> page(PersonQuery q) {
        Where w = where(q);
        List<Object> args = new ArrayList<>(w.args);
        args.add(q.limit());
        args.add(q.offset());
        long[] total = {-1};
        List<Person> rows = jdbc.query("SELECT " + COLUMNS + ", COUNT(*) OVER() FROM person" + w.sql
                + " ORDER BY name, person_id LIMIT ? OFFSET ?", rs -> {
                    total[0] = rs.getLong(TOTAL_COLUMN);
                    return map(rs);
                }, args.toArray());
        return new Page<>(rows, total[0] >= 0 ? total[0] : q.offset() == 0 ? 0 : count(q));
    }

    private record Where(String sql, List<Object> args) {
    }

    private static Where where(PersonQuery q) {
        List<String> parts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (q.text() != null) {
            // ILIKE (H2 and PostgreSQL) compares without case and, unlike LOWER(column) LIKE, makes
            // no lower-cased copy of every value of every row: on H2 that halves the cost of the scan.
            // The text goes as typed: lower-casing it first would turn a Turkish İ into i plus a
            // combining dot, which ILIKE (comparing character by character) would never find.
            String like = "%" + escapeLike(q.text()) + "%";
            parts.add("(name ILIKE ? ESCAPE '\\' OR person_id ILIKE ? ESCAPE '\\' OR email ILIKE ? ESCAPE '\\')");
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

    /** How deep stored metadata may nest to be shown; a row stored deeper (by an older version) reads as {}. */
    static final int MAX_STORED_METADATA_DEPTH = 64;

    /**
     * Most people have no metadata: "{}" needs no parser. Metadata that cannot be read back (too
     * deep, not JSON) is shown as {} with a warning, so one bad row never breaks a whole listing.
     */
    private static Map<String, Object> metadata(String personId, String json) {
        if (json == null || "{}".equals(json)) {
            return new LinkedHashMap<>();
        }
        try {
            return Json.readMap(json, MAX_STORED_METADATA_DEPTH);
        } catch (IllegalArgumentException unreadable) {
            LOG.warn("The stored metadata of person {} cannot be read ({}); it is shown as {{}} until it is replaced",
                    personId, unreadable.getMessage());
            return new LinkedHashMap<>();
        }
    }

    /** Reads the COLUMNS by position, in their order. */
    static Person map(ResultSet rs) throws SQLException {
        return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), metadata(rs.getString(2), rs.getString(8)), rs.getBoolean(9),
                Jdbc.nullableLong(rs, 10), Jdbc.instant(rs, 11), Jdbc.instant(rs, 12));
    }
}
