package io.faceclock.fakeodoo;

import io.faceclock.fakeodoo.ModelDef.FieldDef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * create / write / unlink. Each call is one transaction: everything is checked before anything is
 * stored. Ids are used up the way PostgreSQL's sequence does it, failed inserts included, so the fake's
 * ids follow the transcripts'.
 */
final class Writes {

    private static final Pattern BARCODE = Pattern.compile("[A-Za-z0-9]{1,18}");

    private final FakeDb db;
    private final Access access;

    Writes(FakeDb db, Access access) {
        this.db = db;
        this.access = access;
    }

    /** A dict gives an id, a list gives a list of ids. */
    Object create(int uid, ModelDef def, Object valsList) {
        boolean single = valsList instanceof Map;
        List<Map<?, ?>> vals = new ArrayList<>();
        if (single) {
            vals.add((Map<?, ?>) valsList);
        } else if (valsList instanceof List<?> l) {
            for (Object o : l) {
                vals.add((Map<?, ?>) o);
            }
        }
        access.check(uid, def, "create");
        for (Map<?, ?> v : vals) {
            for (Object k : v.keySet()) {
                if (!def.has((String) k)) {
                    throw Fault.valueError(db.version.v19() ? "Invalid field '" + k + "' in '" + def.name() + "'"
                            : "Invalid field '" + k + "' on model '" + def.name() + "'");
                }
            }
        }
        Table table = db.table(def.name());
        List<Map<String, Object>> rows = new ArrayList<>();
        try {
            for (Map<?, ?> v : vals) {
                rows.add(convert(def, defaults(uid, def), v));
            }
        } catch (Fault f) {
            if (!db.version.v19()) {
                vals.forEach(v -> table.reserveId()); // 18.0 converts while inserting: the ids are gone
            }
            throw f;
        }
        if (db.version.v19() && def.name().equals("hr.attendance")) {
            for (Map<String, Object> r : rows) {
                Object emp = r.get("employee_id");
                if (emp != null && db.table("hr.employee").get((Integer) emp) == null) {
                    throw Fault.missingRecord("hr.employee", List.of((Integer) emp), uid);
                }
            }
        }
        for (Map<String, Object> r : rows) {
            r.put("id", table.reserveId());
        }
        for (Map<String, Object> r : rows) {
            checkRequired(def, r);
            checkForeignKeys(def, r);
        }
        List<Map<String, Object>> all = new ArrayList<>(table.all());
        all.addAll(rows);
        checkConstraints(uid, def, rows, all);
        Instant now = db.clock.now();
        for (Map<String, Object> r : rows) {
            r.put("create_date", now);
            r.put("write_date", now);
            if (def.name().equals("res.users")) {
                db.setPassword((Integer) r.get("id"), (String) r.remove("password"));
            }
            table.put(r);
        }
        List<Integer> ids = rows.stream().map(r -> (Integer) r.get("id")).toList();
        return single ? ids.get(0) : ids;
    }

    boolean write(int uid, ModelDef def, List<Integer> ids, Map<?, ?> vals) {
        access.check(uid, def, "write");
        for (Object k : vals.keySet()) {
            if (!def.has((String) k)) {
                throw Fault.valueError("Invalid field '" + k + "' on model '" + def.name() + "'");
            }
        }
        Table table = def.name().equals("hr.version") ? db.table("hr.employee") : db.table(def.name());
        List<Integer> missing = ids.stream().filter(id -> table.get(id) == null).toList();
        if (!missing.isEmpty()) {
            throw Fault.missingRecord(def.name(), missing, uid);
        }
        Map<String, Object> changes = convert(def, new HashMap<>(), vals);
        if (def.name().equals("hr.version")) {
            // 19.0: the version's fields show through the employee, whose write_date does not move
            ids.forEach(id -> table.forUpdate(id).putAll(changes));
            return true;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Integer id : ids) {
            Map<String, Object> copy = new HashMap<>(table.get(id));
            copy.putAll(changes);
            rows.add(copy);
        }
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> r : table.all()) {
            if (!ids.contains((Integer) r.get("id"))) {
                all.add(r);
            }
        }
        all.addAll(rows);
        checkConstraints(uid, def, rows, all);
        Instant now = db.clock.now();
        for (Map<String, Object> r : rows) {
            r.put("write_date", now);
            table.put(r);
        }
        return true;
    }

    boolean unlink(int uid, ModelDef def, List<Integer> ids) {
        access.check(uid, def, "unlink");
        Table table = db.table(def.name());
        List<Integer> missing = ids.stream().filter(id -> table.get(id) == null).toList();
        if (!missing.isEmpty()) {
            throw Fault.missingRecord(def.name(), missing, uid);
        }
        ids.forEach(table::remove);
        return true;
    }

    private Map<String, Object> defaults(int uid, ModelDef def) {
        Map<String, Object> r = new HashMap<>();
        switch (def.name()) {
            case "hr.employee" -> {
                r.put("active", true);
                r.put("employee_type", "employee");
            }
            case "hr.attendance" -> {
                r.put("employee_id", db.employeeOf(uid));
                if (def.has("in_mode")) {
                    r.put("in_mode", "manual");   // Odoo's default: an attendance typed in by hand
                }
            }
            case "res.users" -> {
                r.put("active", true);
                r.put(db.usersGroupsField(), new ArrayList<>(List.of(db.xmlids.get("base.group_user"))));
                r.put("share", false);
            }
            case "hr.department", "hr.job" -> r.put("active", true);
            default -> {
            }
        }
        return r;
    }

    private Map<String, Object> convert(ModelDef def, Map<String, Object> row, Map<?, ?> vals) {
        for (Map.Entry<?, ?> e : vals.entrySet()) {
            FieldDef f = def.field((String) e.getKey());
            if (f.type().equals("many2many")) {
                row.put(f.name(), applyCommands(e.getValue()));
            } else if (!f.readonly()) {
                if (f.selection() != null && e.getValue() instanceof String v
                        && f.selection().stream().noneMatch(o -> o.get(0).equals(v))) {
                    throw Fault.valueError("Wrong value for " + def.name() + "." + f.name() + ": '" + v + "'");
                }
                row.put(f.name(), Rows.toStored(f, e.getValue()));
            }
        }
        return row;
    }

    /** Only the [6, 0, ids] "replace" command: what creating a user with its groups needs. */
    private static List<Integer> applyCommands(Object commands) {
        List<Integer> out = new ArrayList<>();
        if (commands instanceof List<?> l) {
            for (Object c : l) {
                if (c instanceof List<?> cmd && Integer.valueOf(6).equals(cmd.get(0))) {
                    out.clear();
                    out.addAll(Orm.ids(cmd.get(2)));
                } else if (c instanceof List<?> cmd && Integer.valueOf(4).equals(cmd.get(0))) {
                    out.add((Integer) cmd.get(1));
                }
            }
        }
        return out;
    }

    private void checkRequired(ModelDef def, Map<String, Object> r) {
        for (FieldDef f : def.fields().values()) {
            if (f.required() && f.store() && r.get(f.name()) == null && !f.name().equals("employee_type")) {
                if (db.version.v19()) {
                    throw Fault.validation("The operation cannot be completed: Missing required value for the field '"
                            + f.label() + "' (" + f.name() + ").\nModel: '" + def.description() + "' (" + def.name()
                            + ")\n- create/update: a mandatory field is not set\n- delete: another model requires the "
                            + "record being deleted, you can archive it instead\n");
                }
                throw Fault.validation("The operation cannot be completed:\n- Create/update: a mandatory field is not "
                        + "set.\n- Delete: another model requires the record being deleted. If possible, archive it "
                        + "instead.\n\nModel: " + def.description() + " (" + def.name() + ")\nField: " + f.label() + " ("
                        + f.name() + ")\n");
            }
        }
    }

    private void checkForeignKeys(ModelDef def, Map<String, Object> r) {
        for (FieldDef f : def.fields().values()) {
            if (f.type().equals("many2one") && r.get(f.name()) instanceof Integer id
                    && db.table(f.relation()).get(id) == null) {
                throw Fault.validation("The operation cannot be completed: another model requires the record being "
                        + "deleted. If possible, archive it instead.\n\nModel: " + def.description() + " ("
                        + def.name() + ")\nConstraint: " + def.name().replace('.', '_') + "_" + f.name() + "_fkey\n");
            }
        }
    }

    private void checkConstraints(int uid, ModelDef def, List<Map<String, Object>> rows,
                                  List<Map<String, Object>> all) {
        if (def.name().equals("hr.attendance")) {
            Attendances.check(db, rows, all, uid);
        } else if (def.name().equals("hr.employee")) {
            for (Map<String, Object> r : rows) {
                Object barcode = r.get("barcode");
                if (barcode == null) {
                    continue;
                }
                for (Map<String, Object> other : all) {
                    if (other != r && !Objects.equals(other.get("id"), r.get("id"))
                            && barcode.equals(other.get("barcode"))) {
                        throw Fault.validation("The operation cannot be completed: The Badge ID must be unique, this "
                                + "one is already assigned to another employee.");
                    }
                }
                if (!BARCODE.matcher(String.valueOf(barcode)).matches()) {
                    throw Fault.validation("The Badge ID must be alphanumeric without any accents and no longer than "
                            + "18 characters.");
                }
            }
        } else if (def.name().equals("res.users")) {
            for (Map<String, Object> r : rows) {
                for (Map<String, Object> other : all) {
                    if (other != r && !Objects.equals(other.get("id"), r.get("id"))
                            && Objects.equals(r.get("login"), other.get("login"))) {
                        throw Fault.validation("You can not have two users with the same login!");
                    }
                }
            }
        }
    }
}
