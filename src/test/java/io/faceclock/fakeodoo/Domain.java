package io.faceclock.fakeodoo;

import io.faceclock.fakeodoo.ModelDef.FieldDef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Odoo domains (prefix notation, implicit AND) and "order" specs, evaluated over the fake's rows. */
final class Domain {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=", "in", "not in", "like",
            "ilike", "not like", "not ilike", "=like", "=ilike");

    private final FakeDb db;
    private final ModelDef model;
    private final ZoneId dateZone;
    private int pos;
    private List<?> terms;

    private Domain(FakeDb db, ModelDef model, ZoneId dateZone) {
        this.db = db;
        this.model = model;
        this.dateZone = dateZone;
    }

    /** dateZone: where a date-only string in a datetime leaf starts its day (19.0: the user's tz). */
    static Predicate<Map<String, Object>> compile(FakeDb db, ModelDef model, List<?> domain, ZoneId dateZone) {
        Domain d = new Domain(db, model, dateZone);
        d.terms = domain == null ? List.of() : domain;
        Predicate<Map<String, Object>> all = r -> true;
        while (d.pos < d.terms.size()) {
            all = all.and(d.next());
        }
        return all;
    }

    static boolean mentions(List<?> domain, String field) {
        if (domain == null) {
            return false;
        }
        for (Object t : domain) {
            if (t instanceof List<?> leaf && !leaf.isEmpty() && field.equals(leaf.get(0))) {
                return true;
            }
        }
        return false;
    }

    private Predicate<Map<String, Object>> next() {
        Object t = terms.get(pos++);
        if ("&".equals(t)) {
            return next().and(next());
        }
        if ("|".equals(t)) {
            return next().or(next());
        }
        if ("!".equals(t)) {
            return next().negate();
        }
        if (!(t instanceof List<?> leaf) || leaf.size() != 3 || !(leaf.get(0) instanceof String field)
                || !(leaf.get(1) instanceof String op)) {
            throw Fault.valueError((db.version.v19() ? "Invalid condition " : "Invalid leaf ") + Py.repr(t));
        }
        String tuple = Py.tuple(leaf);
        if (!OPERATORS.contains(op.toLowerCase())) {
            throw Fault.valueError(db.version.v19() ? "Invalid operator in condition " + tuple : "Invalid leaf " + tuple);
        }
        return leaf(field, op.toLowerCase(), leaf.get(2), tuple);
    }

    private Predicate<Map<String, Object>> leaf(String path, String op, Object value, String tuple) {
        String[] parts = path.split("\\.", 2);
        FieldDef f = model.field(parts[0]);
        if (f == null) {
            throw Fault.valueError("Invalid field " + model.name() + "." + parts[0]
                    + (db.version.v19() ? " in condition " : " in leaf ") + tuple);
        }
        if (parts.length == 2) {
            if (f.relation() == null) {
                throw Fault.valueError("Invalid field " + model.name() + "." + path + " in leaf " + tuple);
            }
            Predicate<Map<String, Object>> sub = new Domain(db, db.models.get(f.relation()), dateZone)
                    .leaf(parts[1], op, value, tuple);
            return r -> {
                Object id = r.get(parts[0]);
                Map<String, Object> rel = id instanceof Integer i ? db.table(f.relation()).get(i) : null;
                return rel != null && sub.test(rel);
            };
        }
        return r -> matches(f, Rows.value(db, model, r, f.name()), op, value);
    }

    private boolean matches(FieldDef f, Object stored, String op, Object value) {
        switch (op) {
            case "in":
            case "not in": {
                List<?> vals = value instanceof List<?> l ? l : List.of(value);
                boolean in = false;
                for (Object v : vals) {
                    if (equal(f, stored, v)) {
                        in = true;
                        break;
                    }
                }
                return op.equals("in") == in;
            }
            case "=":
                return equal(f, stored, value);
            case "!=":
                return !equal(f, stored, value);
            case "like":
            case "ilike":
            case "not like":
            case "not ilike": {
                boolean ci = op.contains("ilike");
                String s = text(f, stored);
                boolean hit = s != null && (ci ? s.toLowerCase().contains(String.valueOf(value).toLowerCase())
                        : s.contains(String.valueOf(value)));
                return op.startsWith("not") != hit;
            }
            case "=like":
            case "=ilike": {
                String s = text(f, stored);
                if (s == null) {
                    return false;
                }
                String regex = "\\Q" + String.valueOf(value).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q") + "\\E";
                return op.equals("=ilike") ? s.toLowerCase().matches(regex.toLowerCase()) : s.matches(regex);
            }
            default: {
                Comparable<Object> a = comparable(f, stored);
                Comparable<Object> b = comparable(f, value);
                if (a == null || b == null) {
                    return false;
                }
                int c = a.compareTo(b);
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            }
        }
    }

    private boolean equal(FieldDef f, Object stored, Object value) {
        if (Boolean.FALSE.equals(value) && !f.type().equals("boolean")) {
            return stored == null;
        }
        if (f.type().equals("boolean")) {
            return Boolean.TRUE.equals(stored) == Boolean.TRUE.equals(value);
        }
        if (f.type().equals("many2one") && value instanceof String s) {
            String name = stored == null ? null : db.displayName(f.relation(), (Integer) stored);
            return name != null && name.toLowerCase().contains(s.toLowerCase());
        }
        Comparable<Object> a = comparable(f, stored);
        Comparable<Object> b = comparable(f, value);
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private String text(FieldDef f, Object stored) {
        if (stored == null) {
            return null;
        }
        if (f.type().equals("many2one")) {
            return db.displayName(f.relation(), (Integer) stored);
        }
        return String.valueOf(stored);
    }

    @SuppressWarnings("unchecked")
    private Comparable<Object> comparable(FieldDef f, Object v) {
        if (v == null || Boolean.FALSE.equals(v) && !f.type().equals("boolean")) {
            return null;
        }
        if (f.type().equals("datetime")) {
            Instant i = v instanceof Instant inst ? inst : parseDomainDate(v);
            // 19.0 compares datetimes to the whole second (fact 10); 18.0 keeps the stored microseconds
            return (Comparable<Object>) (Comparable<?>) (db.version.v19() ? i.truncatedTo(ChronoUnit.SECONDS) : i);
        }
        if (v instanceof Integer i) {
            return (Comparable<Object>) (Comparable<?>) Double.valueOf(i);
        }
        if (v instanceof Comparable<?> c) {
            return (Comparable<Object>) c;
        }
        return null;
    }

    private Instant parseDomainDate(Object v) {
        if (v instanceof XmlRpcWire.DateTime dt) {
            return dt.value().toInstant(ZoneOffset.UTC);
        }
        String s = String.valueOf(v);
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(dateZone).toInstant();
            }
            if (s.contains("T")) {
                return LocalDateTime.parse(s.replace("Z", "").replaceAll("[+-]\\d\\d:\\d\\d$", ""))
                        .toInstant(ZoneOffset.UTC);
            }
            return Rows.parseDatetime(s).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw Fault.valueError("time data " + Py.repr(s) + " does not match format '%Y-%m-%d %H:%M:%S'");
        }
    }

    /** Sorts rows by an Odoo order spec ("write_date desc, id"); ties by id. Nulls last ascending, first descending. */
    static Comparator<Map<String, Object>> order(FakeDb db, ModelDef model, String spec) {
        Comparator<Map<String, Object>> c = null;
        String s = spec == null || spec.isBlank() ? model.defaultOrder() : spec;
        boolean lastDesc = false;
        for (String part : s.split(",")) {
            String[] w = part.trim().split("\\s+");
            FieldDef f = model.field(w[0]);
            if (f == null) {
                throw Fault.valueError("Invalid \"order\" specified (" + spec + "). A valid \"order\" specification is "
                        + "a comma-separated list of valid field names (optionally followed by asc/desc for the "
                        + "direction)");
            }
            boolean desc = w.length > 1 && w[1].equalsIgnoreCase("desc");
            lastDesc = desc;
            Comparator<Map<String, Object>> one = (a, b) -> {
                Object x = sortKey(db, model, f, a);
                Object y = sortKey(db, model, f, b);
                if (x == null || y == null) {
                    int n = x == null ? (y == null ? 0 : 1) : -1;
                    return desc ? -n : n;
                }
                @SuppressWarnings("unchecked")
                int r = ((Comparable<Object>) x).compareTo(y);
                return desc ? -r : r;
            };
            c = c == null ? one : c.thenComparing(one);
        }
        // ties: 18.0 gave the lower id first, 19.0 follows the last term's direction (cases 068 / json2 081)
        Comparator<Map<String, Object>> byId = Comparator.comparing(r -> (Integer) r.get("id"));
        if (db.version.v19() && lastDesc) {
            byId = byId.reversed();
        }
        return c == null ? byId : c.thenComparing(byId);
    }

    private static Object sortKey(FakeDb db, ModelDef model, FieldDef f, Map<String, Object> r) {
        Object v = Rows.value(db, model, r, f.name());
        if (v instanceof Integer i && f.type().equals("many2one")) {
            return db.displayName(f.relation(), i);
        }
        if (v instanceof Integer i) {
            return i.doubleValue();
        }
        return v;
    }

    static List<Map<String, Object>> page(List<Map<String, Object>> rows, int offset, Integer limit) {
        int from = Math.min(offset, rows.size());
        int to = limit == null || limit <= 0 ? rows.size() : Math.min(rows.size(), from + limit);
        return new ArrayList<>(rows.subList(from, to));
    }
}
