package io.faceclock.odoo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Converts between faceclock's Java values and what the XML-RPC library sends and receives. */
final class OdooValues {

    /** Datetime fields faceclock reads before it has (or without) asked fields_get. */
    private static final Set<String> KNOWN_DATETIMES = Set.of("write_date", "create_date", "check_in", "check_out",
            "last_check_in", "last_check_out");

    private OdooValues() {
    }

    static boolean isDatetimeField(String field, Map<String, FieldInfo> known) {
        if (known != null && known.containsKey(field)) {
            return "datetime".equals(known.get(field).type());
        }
        return KNOWN_DATETIMES.contains(field);
    }

    /** Instants become Odoo strings, null becomes False (Odoo has no nil), longs become ints. */
    static Object toWire(Object v) {
        if (v == null) {
            return Boolean.FALSE;
        }
        if (v instanceof Instant i) {
            return OdooDates.format(i);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof Long l) {
            return Math.toIntExact(l);
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), toWire(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(x -> out.add(toWire(x)));
            return out;
        }
        if (v instanceof Object[] a) {
            return toWire(List.of(a));
        }
        if (v instanceof String || v instanceof Integer || v instanceof Double || v instanceof Boolean) {
            return v;
        }
        throw new IllegalArgumentException("Cannot send a " + v.getClass().getName() + " to Odoo");
    }

    /** Arrays become Lists, structs keep their order; nothing else is touched. */
    static Object fromWire(Object v) {
        if (v instanceof Object[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (Object x : a) {
                out.add(fromWire(x));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k), fromWire(val)));
            return out;
        }
        if (v instanceof Integer || v instanceof String || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        throw new IllegalArgumentException("unexpected XML-RPC value of type "
                + (v == null ? "nil" : v.getClass().getSimpleName()));
    }
}
