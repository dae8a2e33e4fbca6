package io.faceclock.odoo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.odoo.OdooException.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import javax.net.ssl.SSLException;

/** Turns JSON-2 answers (status + error object) and transport failures into {@link OdooException}s. */
final class Json2Errors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OdooConnection conn;

    Json2Errors(OdooConnection conn) {
        this.conn = conn;
    }

    String scrub(String message) {
        return Secrets.scrub(message, conn.password(), conn.trustStorePassword());
    }

    /** The decoded result of a 200, or the exception its error stands for. */
    Object decode(int status, String contentType, byte[] body, String label) {
        boolean json = contentType.toLowerCase().startsWith("application/json");
        if (status == 404 && contentType.startsWith("text/html")
                && OdooJson2Client.utf8(body).contains("No database is selected")) {
            throw new OdooException(Kind.UNKNOWN_DATABASE, "Odoo at " + conn.hostPort() + " has no database named '"
                    + scrub(conn.db()) + "' (or does not expose it). Check the database name.");
        }
        if (!json) {
            throw new OdooException(Kind.NOT_ODOO, conn.url() + " is not an Odoo 19 JSON-2 endpoint: it answered HTTP "
                    + status + " with " + (contentType.isEmpty() ? "no content type" : "'" + contentType + "'")
                    + ". Check the Odoo URL and that the server runs Odoo 19 or later.");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (IOException e) {
            throw new OdooException(Kind.PROTOCOL, "Odoo at " + conn.hostPort() + " sent invalid JSON for " + label);
        }
        if (status == 200) {
            return parsed;
        }
        if (!(parsed instanceof Map<?, ?> err) || !(err.get("name") instanceof String name)) {
            throw new OdooException(Kind.NOT_ODOO, conn.url() + " answered HTTP " + status + " without an Odoo error.");
        }
        String message = scrub(String.valueOf(err.get("message")));
        String shortName = name.substring(name.lastIndexOf('.') + 1);
        switch (name) {
            case "werkzeug.exceptions.Unauthorized":
            case "odoo.exceptions.AccessDenied":
                throw new OdooException(Kind.AUTH_FAILED, FaultTranslator.AUTH_FAILED_MESSAGE);
            case "odoo.exceptions.AccessError":
                throw new OdooException(Kind.ACCESS_DENIED, message);
            case "odoo.exceptions.MissingError":
                throw new OdooException(Kind.MISSING_RECORD, message);
            case "odoo.exceptions.ValidationError":
            case "odoo.exceptions.UserError":
                throw new OdooException(Kind.VALIDATION, message);
            case "werkzeug.exceptions.UnprocessableEntity":
            case "werkzeug.exceptions.BadRequest":
                throw new OdooException(Kind.PROTOCOL, "Odoo refused the call " + scrub(label) + ": " + message);
            default:
                throw new OdooException(Kind.SERVER_ERROR, "Odoo failed on " + scrub(label) + ": " + shortName + ": "
                        + message);
        }
    }

    OdooException transport(IOException e, String label) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof LimitedInputStream.TooLargeException) {
                return new OdooException(Kind.RESPONSE_TOO_LARGE, "Odoo at " + conn.hostPort() + " sent an answer to "
                        + scrub(label) + " larger than the limit of " + conn.maxResponseBytes()
                        + " bytes; gave up reading it.");
            }
            if (t instanceof HttpConnectTimeoutException) {
                return new OdooException(Kind.TIMEOUT, "Odoo at " + conn.hostPort() + " did not accept a connection "
                        + "within " + Deadline.seconds(conn.connectTimeout()) + ".");
            }
            if (t instanceof HttpTimeoutException) {
                return Deadline.timeout(conn, scrub(label), conn.callTimeout());
            }
            if (t instanceof ConnectException) {
                return new OdooException(Kind.UNREACHABLE, "Cannot reach Odoo at " + conn.hostPort()
                        + " (connection refused). Check the URL and that Odoo is running.");
            }
            if (t instanceof SSLException) {
                return new OdooException(Kind.UNREACHABLE, "TLS with Odoo at " + conn.hostPort() + " failed ("
                        + t.getMessage() + "). If Odoo uses a private CA, configure a trust store.");
            }
        }
        return new OdooException(Kind.UNREACHABLE, "Talking to Odoo at " + conn.hostPort() + " failed during "
                + scrub(label) + ": " + scrub(String.valueOf(e.getMessage())));
    }
}
