package io.faceclock.fakeodoo;

/**
 * An Odoo exception on its way to the wire. code 1 carries a Python exception type and message and
 * is sent as a (shortened) traceback ending in "Type: message"; codes 2-4 are sent as the message.
 */
final class Fault extends RuntimeException {

    final int code;
    final String pyType;
    /** For the legacy /xmlrpc/&lt;service&gt; endpoint: the Odoo exception class name. */
    final String odooType;

    private Fault(int code, String pyType, String odooType, String message) {
        super(message, null, false, false);
        this.code = code;
        this.pyType = pyType;
        this.odooType = odooType;
    }

    static Fault python(String pyType, String message) {
        return new Fault(1, pyType, null, message);
    }

    static Fault valueError(String message) {
        return python("ValueError", message);
    }

    static Fault typeError(String message) {
        return python("TypeError", message);
    }

    static Fault userError(String message) {
        return new Fault(2, null, "UserError", message);
    }

    static Fault validation(String message) {
        return new Fault(2, null, "ValidationError", message);
    }

    static Fault missing(String message) {
        return new Fault(2, null, "MissingError", message);
    }

    static Fault missingRecord(String model, java.util.List<Integer> ids, int uid) {
        return missing("Record does not exist or has been deleted.\n(Record: " + model + Py.tuple(ids) + ", User: "
                + uid + ")");
    }

    static Fault accessDenied() {
        return new Fault(3, null, "AccessDenied", "Access Denied");
    }

    static Fault accessError(String message) {
        return new Fault(4, null, "AccessError", message);
    }

    /** What /xmlrpc/2 puts in faultString. */
    String faultString() {
        if (code != 1) {
            return getMessage();
        }
        return "Traceback (most recent call last):\n"
                + "  File \"/srv/odoo/odoo/http.py\", line 2138, in __call__\n"
                + "    response = request._serve_db()\n"
                + "  File \"/srv/odoo/odoo/service/model.py\", line 156, in execute_kw\n"
                + "    (traceback shortened by the fake Odoo)\n"
                + pyType + ": " + getMessage() + "\n";
    }

    /** What the legacy /xmlrpc/&lt;service&gt; endpoint puts in its (string) faultCode. */
    String legacyFaultCode() {
        if (code == 3) {
            return "AccessDenied";
        }
        if (code == 1) {
            return getMessage() + "\n" + faultString();
        }
        String kind = "ValidationError".equals(odooType) ? "UserError" : odooType;
        return "warning -- " + kind + "\n\n" + getMessage();
    }
}
