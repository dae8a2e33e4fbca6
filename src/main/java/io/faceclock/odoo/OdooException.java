package io.faceclock.odoo;

/** Any failure talking to Odoo, with a kind to branch on and a message a person can act on. */
public class OdooException extends RuntimeException {

    public enum Kind {
        /** Connection refused, unknown host, TLS handshake failure. */
        UNREACHABLE,
        /** Something answered, but not an Odoo XML-RPC endpoint (404, HTML, not XML-RPC). */
        NOT_ODOO,
        UNKNOWN_DATABASE,
        /** Wrong login, password or API key. */
        AUTH_FAILED,
        /** Odoo's AccessError: the user lacks a group; the message names model and group. */
        ACCESS_DENIED,
        /** Odoo's UserError / ValidationError: the message is Odoo's, meant for people. */
        VALIDATION,
        /** Odoo's MissingError: the record does not exist (any more). */
        MISSING_RECORD,
        /** Any other server-side exception (fault 1), reduced to the traceback's last line. */
        SERVER_ERROR,
        TIMEOUT,
        RESPONSE_TOO_LARGE,
        /** The answer could not be understood (malformed or unexpected XML-RPC). */
        PROTOCOL
    }

    private final Kind kind;

    public OdooException(Kind kind, String message) {
        this(kind, message, null);
    }

    public OdooException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "OdooException[" + kind + "]: " + getMessage();
    }
}
