package io.faceclock.odoo;

import io.faceclock.odoo.OdooException.Kind;
import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link OdooClient} over Odoo's {@code /xmlrpc/2/common} and {@code /xmlrpc/2/object}. */
public final class XmlRpcOdooClient implements OdooClient {

    private static final Logger LOG = LoggerFactory.getLogger(XmlRpcOdooClient.class);

    private final OdooConnection conn;
    private final XmlRpcClient common;
    private final XmlRpcClient object;
    private final FaultTranslator faults;
    private final OdooResults results;
    private final Remembered<Integer> uid = new Remembered<>();
    private final Remembered<ServerVersion> serverVersion = new Remembered<>();
    private final Map<String, Map<String, FieldInfo>> fieldsCache = new ConcurrentHashMap<>();

    public XmlRpcOdooClient(OdooConnection conn) {
        this.conn = conn;
        this.faults = new FaultTranslator(conn);
        this.results = new OdooResults(conn);
        Tls tls = Tls.of(conn);
        this.common = newClient(conn, "/xmlrpc/2/common", tls);
        this.object = newClient(conn, "/xmlrpc/2/object", tls);
    }

    public OdooConnection connection() {
        return conn;
    }

    @Override
    public ServerVersion version() {
        Object r = call(common, "version", "common.version", List.of());
        if (!(r instanceof Map<?, ?> m) || !(m.get("server_version") instanceof String v)) {
            throw new OdooException(Kind.NOT_ODOO, conn.url() + " answered common.version() without a "
                    + "server_version: not an Odoo server.");
        }
        List<Object> info = m.get("server_version_info") instanceof List<?> l ? List.copyOf(l) : List.of();
        int protocol = m.get("protocol_version") instanceof Integer p ? p : 0;
        return serverVersion.keep(new ServerVersion(v, info, protocol));
    }

    @Override
    public ServerVersion serverVersion() {
        return serverVersion.orAsk(this::version);
    }

    @Override
    public String transport() {
        return "xmlrpc";
    }

    @Override
    public int authenticate() {
        return uid.orAskOnce(this::login);
    }

    private Integer login() {
        Object r = call(common, "authenticate", "common.authenticate",
                List.of(conn.db(), conn.username(), conn.password(), Map.of()));
        if (r instanceof Integer id && id > 0) {
            LOG.info("Authenticated to Odoo {} database {} as {} (uid {})", conn.hostPort(), conn.db(),
                    conn.username(), id);
            return id;
        }
        if (Boolean.FALSE.equals(r)) {
            LOG.warn("Odoo {} database {} refused the credentials of {}", conn.hostPort(), conn.db(),
                    conn.username());
            throw new OdooException(Kind.AUTH_FAILED, FaultTranslator.AUTH_FAILED_MESSAGE);
        }
        throw new OdooException(Kind.PROTOCOL, "Odoo at " + conn.hostPort()
                + " answered authenticate with neither a uid nor False.");
    }

    @Override
    public UserInfo currentUser() {
        int me = authenticate();
        return results.user(me, read("res.users", List.of(me), List.of("name", "login", "tz")));
    }

    @Override
    public boolean hasGroup(String groupXmlId) {
        return Boolean.TRUE.equals(execute("res.users", "has_group", List.of(List.of(authenticate()), groupXmlId),
                Map.of()));
    }

    @Override
    public boolean checkAccessRights(String model, String operation) {
        // Odoo 18 added has_access (and deprecated check_access_rights, gone in 19).
        ServerVersion v = serverVersion();
        Object r = v.major() >= 18
                ? execute(model, "has_access", List.of(List.of(), operation), Map.of())
                : execute(model, "check_access_rights", List.of(operation), Map.of("raise_exception", false));
        return Boolean.TRUE.equals(r);
    }

    @Override
    public Map<String, FieldInfo> fieldsGet(String model) {
        Map<String, FieldInfo> fields = results.fields(execute(model, "fields_get", List.of(),
                Map.of("attributes", List.of("string", "type", "relation", "required", "readonly"))));
        fieldsCache.put(model, fields);
        return fields;
    }

    @Override
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, int offset,
                                                Integer limit, String order, Map<String, Object> context) {
        Map<String, Object> kw = new HashMap<>();
        kw.put("fields", fields);
        kw.put("offset", offset);
        if (limit != null) {
            kw.put("limit", limit);
        }
        if (order != null) {
            kw.put("order", order);
        }
        if (context != null && !context.isEmpty()) {
            kw.put("context", context);
        }
        return results.records(model, execute(model, "search_read", List.of(domain), kw), fieldsCache.get(model));
    }

    @Override
    public List<Integer> search(String model, List<?> domain, int offset, Integer limit, String order,
                                Map<String, Object> context) {
        Map<String, Object> kw = new HashMap<>();
        kw.put("offset", offset);
        if (limit != null) {
            kw.put("limit", limit);
        }
        if (order != null) {
            kw.put("order", order);
        }
        if (context != null && !context.isEmpty()) {
            kw.put("context", context);
        }
        return results.ids(execute(model, "search", List.of(domain), kw));
    }

    @Override
    public int searchCount(String model, List<?> domain, Map<String, Object> context) {
        Map<String, Object> kw = context == null || context.isEmpty() ? Map.of() : Map.of("context", context);
        return results.count(model + ".search_count", execute(model, "search_count", List.of(domain), kw));
    }

    @Override
    public List<Map<String, Object>> read(String model, List<Integer> ids, List<String> fields) {
        return results.records(model, execute(model, "read", List.of(ids), Map.of("fields", fields)),
                fieldsCache.get(model));
    }

    @Override
    public List<Integer> create(String model, List<Map<String, Object>> records) {
        return results.ids(execute(model, "create", List.of(records), Map.of(), conn.deadlineFor(records.size())));
    }

    @Override
    public boolean write(String model, List<Integer> ids, Map<String, Object> values) {
        return Boolean.TRUE.equals(execute(model, "write", List.of(ids, values), Map.of(),
                conn.deadlineFor(ids.size())));
    }

    @Override
    public Object execute(String model, String method, List<?> args, Map<String, Object> kwargs) {
        return execute(model, method, args, kwargs, conn.callTimeout());
    }

    private Object execute(String model, String method, List<?> args, Map<String, Object> kwargs, Duration deadline) {
        int me = authenticate();
        List<Object> params = List.of(conn.db(), me, conn.password(), model, method, OdooValues.toWire(args),
                OdooValues.toWire(kwargs));
        try {
            return call(object, "execute_kw", model + "." + method, params, deadline);
        } catch (OdooException e) {
            boolean userGone = e.kind() == Kind.MISSING_RECORD
                    && e.getMessage().contains("(Record: res.users(" + me + ",), User: " + me + ")");
            if (e.kind() == Kind.AUTH_FAILED || userGone) {
                uid.forget(); // the password, key or user changed: authenticate again next time
                throw new OdooException(Kind.AUTH_FAILED, FaultTranslator.AUTH_FAILED_MESSAGE);
            }
            throw e;
        }
    }

    private Object call(XmlRpcClient client, String method, String label, List<Object> params) {
        return call(client, method, label, params, conn.callTimeout());
    }

    private Object call(XmlRpcClient client, String method, String label, List<Object> params, Duration deadline) {
        try {
            if (deadline.equals(conn.callTimeout())) {
                return OdooValues.fromWire(client.execute(method, params));
            }
            XmlRpcClientConfigImpl longer = ((XmlRpcClientConfigImpl) client.getClientConfig()).cloneMe();
            longer.setReplyTimeout(Math.toIntExact(deadline.toMillis()));
            return OdooValues.fromWire(client.execute(longer, method, params));
        } catch (XmlRpcException e) {
            OdooException mapped = faults.translate(e, label);
            LOG.debug("Odoo call {} failed: {}", faults.scrub(label), mapped.getMessage());
            throw mapped;
        } catch (RuntimeException e) {
            if (e instanceof OdooException o) {
                throw o;
            }
            throw new OdooException(Kind.PROTOCOL, faults.scrub("Calling " + label + " on Odoo at " + conn.hostPort()
                    + " failed: " + e), e);
        }
    }

    private static XmlRpcClient newClient(OdooConnection conn, String path, Tls tls) {
        XmlRpcClientConfigImpl cfg = new XmlRpcClientConfigImpl();
        try {
            cfg.setServerURL(new URL(conn.url().toString() + path));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Bad Odoo URL " + conn.url(), e);
        }
        cfg.setEnabledForExtensions(false); // no <nil/>, <ex:serializable>, ... : Odoo speaks plain XML-RPC
        cfg.setEnabledForExceptions(false); // never Java-deserialise a faultCause
        cfg.setConnectionTimeout(Math.toIntExact(conn.connectTimeout().toMillis()));
        cfg.setReplyTimeout(Math.toIntExact(conn.callTimeout().toMillis()));   // the transport's total deadline
        cfg.setEncoding("UTF-8");
        cfg.setGzipCompressing(false);
        cfg.setGzipRequesting(false);
        XmlRpcClient client = new XmlRpcClient();
        client.setConfig(cfg);
        client.setTypeFactory(new SafeTransportFactory.NoExtensionsTypeFactory(client));
        client.setTransportFactory(new SafeTransportFactory(client, conn, tls));
        return client;
    }
}
