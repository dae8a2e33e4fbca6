package io.faceclock.odoo.sync;

import io.faceclock.odoo.FieldInfo;
import io.faceclock.odoo.OdooClient;
import io.faceclock.odoo.OdooException;
import io.faceclock.people.Person;
import io.faceclock.people.PersonFields;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PersonStore;
import io.faceclock.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Brings Odoo's employees in, a page at a time (memory does not grow with the company). People are
 * linked by odoo_employee_id, so a changed badge renames the person and keeps their faces and
 * history. Archived employees are deactivated here and stop being recognised.
 */
final class EmployeePull {

    static final String MODEL = "hr.employee";
    static final int PAGE = 500;
    static final String MISSING_BADGE_RIGHTS = "The Odoo user may not read the employees' badges (hr.employee.barcode): "
            + "it lacks Employees / Officer. Nothing was pulled, so no one is keyed by the wrong id. In Odoo, give the "
            + "user Employees / Officer (Settings > Users), then pull again.";
    private static final List<String> WANTED = List.of("id", "name", "barcode", "work_email", "mobile_phone",
            "work_phone", "department_id", "job_id", "job_title", "employee_type", "active", "write_date");

    private final Jdbc jdbc;
    private final PersonStore persons;
    private final Clock clock;

    EmployeePull(Jdbc jdbc, PersonStore persons, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.clock = clock;
    }

    /**
     * Pulls employees written since {@code since} (all when null), at most {@code limit} (null: all).
     * Returns the newest write_date seen, to ask again with {@code >=} next time.
     */
    Instant pull(OdooClient client, Instant since, Integer limit, PullResult result, Progress progress) {
        Map<String, FieldInfo> available = client.fieldsGet(MODEL);
        if (!available.containsKey("barcode")) {
            // Odoo leaves the fields a user may not read out of fields_get: carrying on would key every
            // employee ODOO_<id> and forget their badges
            throw new OdooException(OdooException.Kind.ACCESS_DENIED, MISSING_BADGE_RIGHTS);
        }
        if (progress.isWatched()) {
            List<Object> changed = since == null ? List.of() : List.of(List.of("write_date", ">=", since));
            int count = client.searchCount(MODEL, changed, Map.of());
            progress.total(limit == null ? count : Math.min(limit, count));
        }
        List<String> fields = WANTED.stream().filter(available::containsKey).toList();
        Instant newest = since;
        int lastId = 0;
        while (limit == null || result.total < limit) {
            List<Object> domain = new ArrayList<>();
            domain.add(List.of("id", ">", lastId));
            if (since != null) {
                domain.add(List.of("write_date", ">=", since));
            }
            int page = limit == null ? PAGE : Math.min(PAGE, limit - result.total);
            List<Map<String, Object>> rows = client.searchRead(MODEL, domain, fields, 0, page, "id asc", Map.of());
            for (Map<String, Object> e : rows) {
                lastId = ((Number) e.get("id")).intValue();
                result.total++;
                apply(e, result);
                progress.advance(1);
                if (e.get("write_date") instanceof Instant w && (newest == null || w.isAfter(newest))) {
                    newest = w;
                }
            }
            if (rows.size() < page) {
                break;
            }
        }
        rekeyByBadge(client, fields, result);
        deactivateArchived(client, since, result);
        return newest;
    }

    /**
     * People keyed ODOO_<id> although their employee has a badge (pulled by a user who could not see
     * badges) get their badge as person_id; their faces and history stay.
     */
    private void rekeyByBadge(OdooClient client, List<String> fields, PullResult result) {
        List<Integer> suspects = jdbc.query("SELECT odoo_employee_id FROM person WHERE odoo_employee_id IS NOT NULL "
                + "AND person_id = CONCAT('ODOO_', CAST(odoo_employee_id AS VARCHAR(20))) ORDER BY odoo_employee_id",
                rs -> rs.getInt(1));
        for (int from = 0; from < suspects.size(); from += PAGE) {
            List<Integer> chunk = suspects.subList(from, Math.min(suspects.size(), from + PAGE));
            for (Map<String, Object> e : client.searchRead(MODEL, List.of(List.of("id", "in", chunk),
                    List.of("barcode", "!=", false)), fields, 0, null, "id asc", Map.of())) {
                apply(e, result);
            }
        }
    }

    private void deactivateArchived(OdooClient client, Instant since, PullResult result) {
        List<Object> domain = new ArrayList<>(List.of(List.of("active", "=", false)));
        if (since != null) {
            domain.add(List.of("write_date", ">=", since));
        }
        int lastId = 0;
        while (true) {
            List<Object> page = new ArrayList<>(domain);
            page.add(List.of("id", ">", lastId));
            List<Integer> ids = client.search(MODEL, page, 0, PAGE * 4, "id asc", Map.of("active_test", false));
            for (Integer id : ids) {
                lastId = id;
                boolean changed = jdbc.inTransaction(c -> {
                    Optional<Person> p = persons.findByOdooEmployeeId(c, id);
                    if (p.isEmpty() || !p.get().active()) {
                        return false;
                    }
                    persons.update(c, p.get().id(), withActive(p.get().fields(), false), now());
                    return true;
                });
                if (changed) {
                    result.deactivated++;
                }
            }
            if (ids.size() < PAGE * 4) {
                return;
            }
        }
    }

    private void apply(Map<String, Object> e, PullResult result) {
        int odooId = ((Number) e.get("id")).intValue();
        String personId = personId(e, odooId);
        try {
            store(e, odooId, personId, result);
        } catch (StoreException ex) {
            // one employee the database refuses must not stop the others, nor every later pull
            result.error("Employee " + odooId + " (" + text(e.get("name")) + ") could not be stored: "
                    + ex.getMessage());
        }
    }

    private void store(Map<String, Object> e, int odooId, String personId, PullResult result) {
        jdbc.inTransaction(c -> {
            Optional<Person> linked = persons.findByOdooEmployeeId(c, odooId);
            if (linked.isPresent()) {
                update(c, linked.get(), e, personId, result);
            } else {
                Optional<Person> sameId = persons.findByPersonId(c, personId);
                if (sameId.isPresent()) {
                    result.error("Employee " + odooId + " (" + text(e.get("name")) + ") has badge " + personId
                            + ", which person '" + sameId.get().name() + "' created in faceclock already uses; "
                            + "not overwritten. Link them by setting that person's odoo_employee_id to " + odooId);
                } else {
                    persons.insert(c, fields(e, personId, odooId, Map.of()), now());
                    result.added++;
                }
            }
            return null;
        });
    }

    private void update(Connection c, Person p, Map<String, Object> e, String personId, PullResult result)
            throws SQLException {
        String newId = personId;
        if (!personId.equals(p.personId()) && persons.findByPersonId(c, personId).isPresent()) {
            result.error("Employee " + p.odooEmployeeId() + " changed badge to " + personId + ", which another person "
                    + "uses; kept " + p.personId());
            newId = p.personId();
        }
        PersonFields f = fields(e, newId, p.odooEmployeeId().intValue(), p.metadata());
        if (p.personId().equals("ODOO_" + p.odooEmployeeId()) && !newId.equals(p.personId())) {
            result.rekeyed++;
        }
        if (!f.equals(p.fields())) {
            persons.update(c, p.id(), f, now());
            result.updated++;
        }
    }

    private static PersonFields fields(Map<String, Object> e, String personId, int odooId,
                                       Map<String, Object> oldMetadata) {
        Map<String, Object> metadata = new LinkedHashMap<>(oldMetadata);
        if (e.containsKey("employee_type")) {
            String type = text(e.get("employee_type"));
            if (type == null) {
                metadata.remove("employee_type");
            } else {
                metadata.put("employee_type", type);
            }
        }
        String phone = Objects.requireNonNullElse(text(e.get("mobile_phone")), Objects.toString(text(e.get("work_phone")), ""));
        String position = Objects.requireNonNullElse(many2oneName(e.get("job_id")),
                Objects.toString(text(e.get("job_title")), ""));
        return new PersonFields(personId, clip(Objects.requireNonNullElse(text(e.get("name")), "Employee " + odooId),
                255), clip(text(e.get("work_email")), 255), phone.isEmpty() ? null : clip(phone, 64),
                clip(many2oneName(e.get("department_id")), 255), position.isEmpty() ? null : clip(position, 255),
                metadata, !Boolean.FALSE.equals(e.get("active")), (long) odooId);
    }

    /** The badge when it is a usable person_id, else ODOO_<id>. */
    static String personId(Map<String, Object> e, int odooId) {
        String barcode = text(e.get("barcode"));
        return barcode != null && Person.ID_PATTERN.matcher(barcode).matches() ? barcode : "ODOO_" + odooId;
    }

    private static PersonFields withActive(PersonFields f, boolean active) {
        return new PersonFields(f.personId(), f.name(), f.email(), f.phone(), f.department(), f.position(),
                f.metadata(), active, f.odooEmployeeId());
    }

    /** Odoo's text fields are unbounded; faceclock's columns are not. */
    /** At most max chars, never half of a surrogate pair (an emoji across the cut goes whole). */
    private static String clip(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max);
    }

    /** Odoo says False for an empty field. */
    private static String text(Object v) {
        if (v == null || v instanceof Boolean) {
            return null;
        }
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    private static String many2oneName(Object v) {
        return v instanceof List<?> l && l.size() > 1 ? text(l.get(1)) : null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
