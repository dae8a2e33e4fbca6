package io.faceclock.odoo;

import io.faceclock.odoo.OdooException.Kind;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClientException;
import org.xml.sax.SAXException;

/** Turns what the XML-RPC library throws into an {@link OdooException} a person can act on. */
final class FaultTranslator {

    static final String AUTH_FAILED_MESSAGE = "Authentication failed. Check credentials.";
    private static final Pattern UNKNOWN_DB = Pattern.compile("database \"([^\"]*)\" does not exist");

    private final OdooConnection conn;

    FaultTranslator(OdooConnection conn) {
        this.conn = conn;
    }

    OdooException translate(XmlRpcException e, String call) {
        OdooException mapped = map(e, call);
        return new OdooException(mapped.kind(), scrub(mapped.getMessage()), mapped.getCause());
    }

    /** The password never leaves this class in a message, even if a server echoes it. */
    String scrub(String message) {
        return Secrets.scrub(message, conn.password(), conn.trustStorePassword());
    }

    private OdooException map(XmlRpcException e, String call) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OdooException o) {
                return o;
            }
            if (t instanceof Deadline.Exceeded d) {
                return Deadline.timeout(conn, call, d.limit);
            }
            if (t instanceof LimitedInputStream.TooLargeException) {
                return new OdooException(Kind.RESPONSE_TOO_LARGE, "Odoo at " + conn.hostPort() + " sent an answer to "
                        + call + " larger than the limit of " + conn.maxResponseBytes() + " bytes; gave up reading it.");
            }
            if (t instanceof SocketTimeoutException) {
                boolean connect = String.valueOf(t.getMessage()).contains("connect");
                return new OdooException(Kind.TIMEOUT, "Odoo at " + conn.hostPort() + (connect
                        ? " did not accept a connection within " + Deadline.seconds(conn.connectTimeout())
                        : " did not answer " + call + " within " + Deadline.seconds(conn.callTimeout())) + ".", null);
            }
            if (t instanceof InterruptedIOException) {
                return new OdooException(Kind.TIMEOUT, "The call " + call + " to Odoo at " + conn.hostPort()
                        + " was interrupted.");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new OdooException(Kind.UNREACHABLE, "Cannot reach Odoo at " + conn.hostPort() + " ("
                        + t.getMessage() + "). Check the URL and that Odoo is running.");
            }
            if (t instanceof UnknownHostException) {
                return new OdooException(Kind.UNREACHABLE, "Cannot reach Odoo at " + conn.hostPort()
                        + ": unknown host " + conn.url().getHost() + ".");
            }
            if (t instanceof SSLException) {
                return new OdooException(Kind.UNREACHABLE, "TLS with Odoo at " + conn.hostPort() + " failed ("
                        + t.getMessage() + "). If Odoo uses a private CA, configure a trust store.");
            }
            if (t instanceof SAXException) {
                return new OdooException(Kind.PROTOCOL, "Odoo at " + conn.hostPort() + " sent an answer to " + call
                        + " that is not valid XML-RPC: " + t.getMessage());
            }
        }
        if (e instanceof XmlRpcClientException || e.getCause() != null) {
            return new OdooException(Kind.UNREACHABLE, "Talking to Odoo at " + conn.hostPort() + " failed during "
                    + call + ": " + e.getMessage());
        }
        return fault(e.code, e.getMessage() == null ? "" : e.getMessage(), call);
    }

    private OdooException fault(int code, String text, String call) {
        switch (code) {
            case 1: {
                String last = lastLine(text);
                Matcher db = UNKNOWN_DB.matcher(last);
                if (db.find()) {
                    return new OdooException(Kind.UNKNOWN_DATABASE, "Odoo at " + conn.hostPort()
                            + " has no database named '" + db.group(1) + "'. Check the database name.");
                }
                return new OdooException(Kind.SERVER_ERROR, "Odoo failed on " + call + ": " + last);
            }
            case 2:
                return new OdooException(text.startsWith("Record does not exist or has been deleted.")
                        ? Kind.MISSING_RECORD : Kind.VALIDATION, text);
            case 3:
                return new OdooException(Kind.AUTH_FAILED, AUTH_FAILED_MESSAGE);
            case 4:
                return new OdooException(Kind.ACCESS_DENIED, text);
            default:
                return new OdooException(Kind.SERVER_ERROR, "Odoo failed on " + call + " (fault " + code + "): "
                        + lastLine(text));
        }
    }

    /** The "ExcType: message" line that ends a Python traceback. */
    static String lastLine(String traceback) {
        String[] lines = traceback.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
