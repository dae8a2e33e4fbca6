package io.faceclock.odoo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client per connection settings for the whole process, so the uid is obtained once
 * (authenticate costs about 0.5 s on the server) however many routes and beans talk to Odoo.
 */
public final class OdooClients {

    private static final Map<OdooConnection, OdooClient> XMLRPC = new ConcurrentHashMap<>();
    private static final Map<OdooConnection, OdooClient> JSON2 = new ConcurrentHashMap<>();
    private static final Map<OdooConnection, OdooClient> AUTO = new ConcurrentHashMap<>();

    private OdooClients() {
    }

    /** XML-RPC: Odoo 18 and 19 (deprecated in 19, to be removed in 20); login password or API key. */
    public static OdooClient xmlRpc(OdooConnection conn) {
        return XMLRPC.computeIfAbsent(conn, XmlRpcOdooClient::new);
    }

    /** JSON-2: Odoo 19 and later; the connection's password must be an API key. */
    public static OdooClient json2(OdooConnection conn) {
        return JSON2.computeIfAbsent(conn, OdooJson2Client::new);
    }

    /** The client the protocol setting asks for. */
    public static OdooClient of(OdooProtocol protocol, OdooConnection conn) {
        return switch (protocol) {
            case XMLRPC -> xmlRpc(conn);
            case JSON2 -> json2(conn);
            case AUTO -> AUTO.computeIfAbsent(conn, AutoOdooClient::new);
        };
    }

    /** Drops the clients of these settings (e.g. after the settings changed). */
    public static void forget(OdooConnection conn) {
        XMLRPC.remove(conn);
        JSON2.remove(conn);
        AUTO.remove(conn);
    }
}
