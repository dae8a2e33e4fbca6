package io.faceclock.odoo.sync;

import io.faceclock.odoo.OdooClient;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PeopleChanges;
import io.faceclock.store.SyncStore.SyncItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Odoo employee an attendance belongs to: the person's odoo_employee_id, else the employee
 * whose barcode is the person_id (one search for a whole batch), else the id in ODOO_<id>.
 * A link found by barcode is remembered on the person.
 */
final class EmployeeLinks {

    private static final Pattern ODOO_ID = Pattern.compile("ODOO_(\\d+)");

    private final Jdbc jdbc;

    EmployeeLinks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** person_ref -> Odoo employee id, for every item whose employee can be found. */
    Map<Long, Integer> resolve(OdooClient client, List<SyncItem> items) {
        Map<Long, Integer> links = new HashMap<>();
        Map<String, Long> unlinked = new HashMap<>();
        for (SyncItem i : items) {
            if (i.odooEmployeeId() != null) {
                links.put(i.personRef(), i.odooEmployeeId().intValue());
            } else {
                unlinked.put(i.personId(), i.personRef());
            }
        }
        if (unlinked.isEmpty()) {
            return links;
        }
        List<Map<String, Object>> found = client.searchRead("hr.employee",
                List.of(List.of("barcode", "in", new ArrayList<>(unlinked.keySet()))), List.of("id", "barcode"), 0,
                null, null, Map.of("active_test", false));
        for (Map<String, Object> e : found) {
            Long personRef = unlinked.remove(String.valueOf(e.get("barcode")));
            if (personRef != null) {
                int id = ((Number) e.get("id")).intValue();
                links.put(personRef, id);
                remember(personRef, id);
            }
        }
        unlinked.forEach((personId, personRef) -> {
            Matcher m = ODOO_ID.matcher(personId);
            if (m.matches()) {
                links.put(personRef, Integer.parseInt(m.group(1)));
            }
        });
        return links;
    }

    private void remember(long personRef, int odooId) {
        jdbc.inTransaction(c -> {
            if (Jdbc.update(c, "UPDATE person SET odoo_employee_id = ? WHERE id = ? AND odoo_employee_id IS NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM person o WHERE o.odoo_employee_id = ?)", (long) odooId, personRef,
                    (long) odooId) > 0) {
                PeopleChanges.record(c, personRef);
            }
            return null;
        });
    }
}
