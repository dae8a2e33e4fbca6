package io.faceclock.odoo;

import java.util.List;
import java.util.Map;

/**
 * {@link OdooProtocol#AUTO}: asks the server's version once, then talks JSON-2 to Odoo 19 or newer when
 * the secret is an API key, XML-RPC otherwise. A server without XML-RPC (Odoo 20) is asked over JSON-2.
 */
final class AutoOdooClient implements OdooClient {

    private final OdooConnection conn;
    private volatile OdooClient chosen;
    private volatile ServerVersion version;

    AutoOdooClient(OdooConnection conn) {
        this.conn = conn;
    }

    private OdooClient chosen() {
        OdooClient c = chosen;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (chosen == null) {
                OdooClient xmlRpc = OdooClients.xmlRpc(conn);
                ServerVersion v;
                try {
                    v = xmlRpc.serverVersion();
                } catch (OdooException e) {
                    if (e.kind() != OdooException.Kind.NOT_ODOO) {
                        throw e;
                    }
                    v = OdooClients.json2(conn).serverVersion();   // no XML-RPC here: JSON-2 or nothing
                    if (v.major() < 19) {
                        throw e;
                    }
                }
                version = v;
                chosen = v.major() >= 19 && OdooProtocol.looksLikeApiKey(conn.password())
                        ? OdooClients.json2(conn) : xmlRpc;
            }
            return chosen;
        }
    }

    @Override
    public String transport() {
        return chosen().transport();
    }

    @Override
    public ServerVersion version() {
        return chosen().version();
    }

    @Override
    public ServerVersion serverVersion() {
        chosen();
        return version;
    }

    @Override
    public int authenticate() {
        return chosen().authenticate();
    }

    @Override
    public UserInfo currentUser() {
        return chosen().currentUser();
    }

    @Override
    public boolean hasGroup(String groupXmlId) {
        return chosen().hasGroup(groupXmlId);
    }

    @Override
    public boolean checkAccessRights(String model, String operation) {
        return chosen().checkAccessRights(model, operation);
    }

    @Override
    public Map<String, FieldInfo> fieldsGet(String model) {
        return chosen().fieldsGet(model);
    }

    @Override
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, int offset,
                                                Integer limit, String order, Map<String, Object> context) {
        return chosen().searchRead(model, domain, fields, offset, limit, order, context);
    }

    @Override
    public List<Integer> search(String model, List<?> domain, int offset, Integer limit, String order,
                                Map<String, Object> context) {
        return chosen().search(model, domain, offset, limit, order, context);
    }

    @Override
    public int searchCount(String model, List<?> domain, Map<String, Object> context) {
        return chosen().searchCount(model, domain, context);
    }

    @Override
    public List<Map<String, Object>> read(String model, List<Integer> ids, List<String> fields) {
        return chosen().read(model, ids, fields);
    }

    @Override
    public List<Integer> create(String model, List<Map<String, Object>> records) {
        return chosen().create(model, records);
    }

    @Override
    public boolean write(String model, List<Integer> ids, Map<String, Object> values) {
        return chosen().write(model, ids, values);
    }

    @Override
    public Object execute(String model, String method, List<?> args, Map<String, Object> kwargs) {
        return chosen().execute(model, method, args, kwargs);
    }
}
