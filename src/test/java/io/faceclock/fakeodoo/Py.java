package io.faceclock.fakeodoo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Python's repr(), for the messages Odoo builds with %r and f"{...}". */
final class Py {

    private Py() {
    }

    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof String s) {
            if (s.contains("'") && !s.contains("\"")) {
                return "\"" + s + "\"";
            }
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (v instanceof Double d) {
            return floatRepr(d);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Py::repr).collect(Collectors.joining(", ", "[", "]"));
        }
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v);
    }

    /** A tuple: (1,) for one element. */
    static String tuple(List<?> items) {
        if (items.size() == 1) {
            return "(" + repr(items.get(0)) + ",)";
        }
        return items.stream().map(Py::repr).collect(Collectors.joining(", ", "(", ")"));
    }

    static String floatRepr(double d) {
        String s = Double.toString(d);
        if (s.contains("E")) {
            s = new BigDecimal(d).stripTrailingZeros().toPlainString();
            if (!s.contains(".")) {
                s += ".0";
            }
        }
        return s;
    }
}
