package io.faceclock.odoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shapes a transport's decoded answer into records and ids, whatever the transport. */
final class OdooResults {

    private final OdooConnection conn;

    OdooResults(OdooConnection conn) {
        this.conn = conn;
    }

    /** Records with their datetime fields as Instants (known: from fields_get if asked before, else by name). */
    List<Map<String, Object>> records(String model, Object r, Map<String, FieldInfo> known) {
        if (!(r instanceof List<?> list)) {
            throw unexpected(model, r);
        }
        List<Map<String, Object>> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m)) {
                throw unexpected(model, o);
            }
            Map<String, Object> rec = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String field = (String) e.getKey();
                Object v = e.getValue() == null ? Boolean.FALSE : e.getValue();
                rec.put(field, OdooValues.isDatetimeField(field, known) && OdooDates.looksLikeDatetime(v)
                        ? OdooDates.parse((String) v) : v);
            }
            out.add(rec);
        }
        return out;
    }

    /** A bare id (XML-RPC create with a dict) or a list of ids. */
    List<Integer> ids(Object r) {
        if (r instanceof Integer one) {
            return List.of(one);
        }
        if (r instanceof List<?> list) {
            List<Integer> out = new ArrayList<>(list.size());
            for (Object o : list) {
                if (!(o instanceof Integer i)) {
                    throw unexpected("ids", o);
                }
                out.add(i);
            }
            return out;
        }
        throw unexpected("ids", r);
    }

    int count(String what, Object r) {
        if (r instanceof Integer n) {
            return n;
        }
        throw unexpected(what, r);
    }

    Map<String, FieldInfo> fields(Object r) {
        Map<String, FieldInfo> out = new LinkedHashMap<>();
        if (r instanceof Map<?, ?> all) {
            for (Map.Entry<?, ?> e : all.entrySet()) {
                Map<?, ?> f = (Map<?, ?>) e.getValue();
                String name = (String) e.getKey();
                out.put(name, new FieldInfo(name, str(f.get("type")), str(f.get("string")),
                        f.get("relation") instanceof String s ? s : null,
                        Boolean.TRUE.equals(f.get("required")), Boolean.TRUE.equals(f.get("readonly"))));
            }
        }
        return Map.copyOf(out);
    }

    UserInfo user(int uid, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            throw new OdooException(OdooException.Kind.MISSING_RECORD, "Odoo user " + uid + " cannot be read.");
        }
        Map<String, Object> u = rows.get(0);
        return new UserInfo(uid, str(u.get("name")), str(u.get("login")), str(u.get("tz")));
    }

    OdooException unexpected(String what, Object got) {
        String type = got == null ? "nothing" : got.getClass().getSimpleName();
        return new OdooException(OdooException.Kind.PROTOCOL, "Odoo at " + conn.hostPort() + " answered " + what
                + " with an unexpected " + type + ".");
    }

    static String str(Object o) {
        return o instanceof String s ? s : null;
    }
}
