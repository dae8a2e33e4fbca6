package io.faceclock.fakeodoo;

import io.faceclock.fakeodoo.ModelDef.FieldDef;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading and writing field values the way Odoo's ORM converts them. */
final class Rows {

    private static final DateTimeFormatter ODOO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Rows() {
    }

    /** A field's value as stored or computed (null when empty). */
    static Object value(FakeDb db, ModelDef model, Map<String, Object> row, String field) {
        switch (field) {
            case "display_name":
                return db.displayName(model.name(), (Integer) row.get("id"));
            case "worked_hours":
                return model.name().equals("hr.attendance") ? Attendances.workedHours(db, row) : row.get(field);
            case "version_id":
                return model.name().equals("hr.employee") ? row.get("id") : row.get(field);
            default:
                return row.get(field);
        }
    }

    /** A record as read() returns it: id first, then the fields asked for, in that order. */
    static Map<String, Object> render(FakeDb db, ModelDef model, Map<String, Object> row, List<String> fields) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", row.get("id"));
        for (String f : fields) {
            if (!f.equals("id")) {
                out.put(f, wire(db, model.field(f), value(db, model, row, f)));
            }
        }
        return out;
    }

    /** Odoo's marshalling: empty is False, datetimes are UTC strings, many2one is [id, display_name]. */
    static Object wire(FakeDb db, FieldDef f, Object v) {
        if (f.type().equals("boolean")) {
            return Boolean.TRUE.equals(v);
        }
        if (f.type().equals("float")) {
            return v == null ? 0.0 : ((Number) v).doubleValue();
        }
        if (v == null) {
            return f.type().equals("many2many") || f.type().equals("one2many") ? List.of() : Boolean.FALSE;
        }
        switch (f.type()) {
            case "datetime":
                return ODOO.format(LocalDateTime.ofInstant((Instant) v, ZoneOffset.UTC));
            case "many2one": {
                String name = db.displayName(f.relation(), (Integer) v);
                return name == null ? Boolean.FALSE : List.of(v, name);
            }
            case "many2many":
                return new ArrayList<>((List<?>) v);
            default:
                return v;
        }
    }

    /** Python's strptime(value, '%Y-%m-%d %H:%M:%S'), with its two error messages. */
    static LocalDateTime parseDatetime(String s) {
        if (s.length() >= 19 && DATETIME.matcher(s.substring(0, 19)).matches()) {
            if (s.length() > 19) {
                throw Fault.valueError("unconverted data remains: " + s.substring(19));
            }
            return LocalDateTime.parse(s, ODOO);
        }
        throw Fault.valueError("time data " + Py.repr(s) + " does not match format '%Y-%m-%d %H:%M:%S'");
    }

    /** Converts an incoming value for a field to what the fake stores. */
    static Object toStored(FieldDef f, Object v) {
        if (v == null || Boolean.FALSE.equals(v) && !f.type().equals("boolean")) {
            return null;
        }
        switch (f.type()) {
            case "datetime":
                if (v instanceof XmlRpcWire.DateTime dt) {
                    return dt.value().toInstant(ZoneOffset.UTC);
                }
                if (v instanceof String s) {
                    if (DATE.matcher(s).matches()) {
                        return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
                    }
                    return parseDatetime(s).toInstant(ZoneOffset.UTC);
                }
                throw Fault.typeError("object of type '" + pyType(v) + "' has no len()");
            case "many2one":
                if (v instanceof Integer i) {
                    return i;
                }
                throw Fault.typeError("unexpected value for many2one " + f.name() + ": " + Py.repr(v));
            case "boolean":
                return Boolean.TRUE.equals(v);
            case "float":
                return v instanceof Number n ? n.doubleValue() : v;
            default:
                return v;
        }
    }

    private static String pyType(Object v) {
        if (v instanceof Integer) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        return "bool";
    }
}
