package io.faceclock.odoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.odoo.OdooException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link OdooClient} over Odoo 19's JSON-2 API: {@code POST /json/2/<model>/<method>} with named
 * arguments and {@code Authorization: bearer <API key>} (the connection's password must be an API key;
 * the login password is refused). There is no login call: the uid comes from res.users/context_get.
 * <p>
 * Limitation: java.net.http cannot turn host name checks off per client, so {@code verifyTls=false}
 * only trusts any certificate; the name must still match.
 */
public final class OdooJson2Client implements OdooClient {

    private static final Logger LOG = LoggerFactory.getLogger(OdooJson2Client.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OdooConnection conn;
    private final HttpClient http;
    private final OdooResults results;
    private final Json2Errors errors;
    private final Map<String, Map<String, FieldInfo>> fieldsCache = new ConcurrentHashMap<>();
    private volatile Integer uid;
    private volatile ServerVersion serverVersion;

    public OdooJson2Client(OdooConnection conn) {
        this.conn = conn;
        this.results = new OdooResults(conn);
        this.errors = new Json2Errors(conn);
        Tls tls = Tls.of(conn);
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(conn.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1);
        if (tls.context() != null) {
            b.sslContext(tls.context());
        }
        this.http = b.build();
    }

    @Override
    public ServerVersion version() {
        Object r = send("GET", "/web/version", null, "version");
        if (!(r instanceof Map<?, ?> m) || !(m.get("version") instanceof String v)) {
            throw new OdooException(Kind.NOT_ODOO, conn.url() + "/web/version did not report an Odoo version.");
        }
        List<Object> info = m.get("version_info") instanceof List<?> l ? List.copyOf(l) : List.of();
        ServerVersion sv = new ServerVersion(v, info, 0);
        serverVersion = sv;
        return sv;
    }

    @Override
    public ServerVersion serverVersion() {
        ServerVersion v = serverVersion;
        return v != null ? v : version();
    }

    @Override
    public String transport() {
        return "json2";
    }

    @Override
    public int authenticate() {
        Integer known = uid;
        if (known != null) {
            return known;
        }
        Object r = post("res.users", "context_get", new LinkedHashMap<>());
        if (r instanceof Map<?, ?> ctx && ctx.get("uid") instanceof Integer id) {
            LOG.info("Authenticated to Odoo {} database {} with an API key (uid {})", conn.hostPort(), conn.db(), id);
            uid = id;
            return id;
        }
        throw results.unexpected("res.users/context_get", r);
    }

    @Override
    public UserInfo currentUser() {
        int me = authenticate();
        return results.user(me, read("res.users", List.of(me), List.of("name", "login", "tz")));
    }

    @Override
    public boolean hasGroup(String groupXmlId) {
        return Boolean.TRUE.equals(post("res.users", "has_group",
                body("ids", List.of(authenticate()), "group_ext_id", groupXmlId)));
    }

    @Override
    public boolean checkAccessRights(String model, String operation) {
        return Boolean.TRUE.equals(post(model, "has_access", body("ids", List.of(), "operation", operation)));
    }

    @Override
    public Map<String, FieldInfo> fieldsGet(String model) {
        Map<String, FieldInfo> fields = results.fields(post(model, "fields_get",
                body("attributes", List.of("string", "type", "relation", "required", "readonly"))));
        fieldsCache.put(model, fields);
        return fields;
    }

    @Override
    public List<Map<String, Object>> searchRead(String model, List<?> domain, List<String> fields, int offset,
                                                Integer limit, String order, Map<String, Object> context) {
        Map<String, Object> b = body("domain", domain, "fields", fields, "offset", offset);
        optional(b, limit, order, context);
        return results.records(model, post(model, "search_read", b), fieldsCache.get(model));
    }

    @Override
    public List<Integer> search(String model, List<?> domain, int offset, Integer limit, String order,
                                Map<String, Object> context) {
        Map<String, Object> b = body("domain", domain, "offset", offset);
        optional(b, limit, order, context);
        return results.ids(post(model, "search", b));
    }

    @Override
    public int searchCount(String model, List<?> domain, Map<String, Object> context) {
        Map<String, Object> b = body("domain", domain);
        optional(b, null, null, context);
        return results.count(model + "/search_count", post(model, "search_count", b));
    }

    @Override
    public List<Map<String, Object>> read(String model, List<Integer> ids, List<String> fields) {
        return results.records(model, post(model, "read", body("ids", ids, "fields", fields)), fieldsCache.get(model));
    }

    @Override
    public List<Integer> create(String model, List<Map<String, Object>> records) {
        return results.ids(post(model, "create", body("vals_list", records)));
    }

    @Override
    public boolean write(String model, List<Integer> ids, Map<String, Object> values) {
        return Boolean.TRUE.equals(post(model, "write", body("ids", ids, "vals", values)));
    }

    /** JSON-2 takes named arguments only: args may be empty, or hold just the ids of a record method. */
    @Override
    public Object execute(String model, String method, List<?> args, Map<String, Object> kwargs) {
        Map<String, Object> b = new LinkedHashMap<>(kwargs);
        if (args.size() == 1 && args.get(0) instanceof List<?> ids) {
            b.put("ids", ids);
        } else if (!args.isEmpty()) {
            throw new IllegalArgumentException("JSON-2 takes named arguments only; pass them in kwargs");
        }
        return post(model, method, b);
    }

    private Object post(String model, String method, Map<String, Object> body) {
        return send("POST", "/json/2/" + model + "/" + method, body, model + "/" + method);
    }

    private Object send(String verb, String path, Map<String, Object> body, String label) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(conn.url() + path)).timeout(conn.readTimeout());
        if (body == null) {
            req.GET();
        } else {
            try {
                byte[] json = JSON.writeValueAsBytes(OdooValues.toWire(body));
                req.POST(HttpRequest.BodyPublishers.ofByteArray(json))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .header("Authorization", "bearer " + conn.password())
                        .header("X-Odoo-Database", conn.db());
            } catch (JsonProcessingException e) {
                throw new OdooException(Kind.PROTOCOL, "Cannot encode the arguments of " + label + ": "
                        + e.getOriginalMessage());
            }
        }
        try {
            HttpResponse<InputStream> res = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes = readCapped(res);
            return errors.decode(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), bytes, label);
        } catch (IOException e) {
            OdooException mapped = errors.transport(e, label);
            LOG.debug("Odoo call {} failed: {}", errors.scrub(label), mapped.getMessage());
            throw mapped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OdooException(Kind.TIMEOUT, "The call " + label + " to Odoo at " + conn.hostPort()
                    + " was interrupted.");
        } catch (OdooException e) {
            if (e.kind() == Kind.AUTH_FAILED) {
                uid = null;
            }
            LOG.debug("Odoo call {} failed: {}", errors.scrub(label), e.getMessage());
            throw e;
        }
    }

    private byte[] readCapped(HttpResponse<InputStream> res) throws IOException {
        long announced = res.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (InputStream in = res.body()) {
            if (announced > conn.maxResponseBytes()) {
                throw new OdooException(Kind.RESPONSE_TOO_LARGE, "Odoo at " + conn.hostPort() + " announced an answer "
                        + "of " + announced + " bytes, more than the limit of " + conn.maxResponseBytes() + " bytes.");
            }
            return new LimitedInputStream(in, conn.maxResponseBytes()).readAllBytes();
        }
    }

    private static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void optional(Map<String, Object> b, Integer limit, String order, Map<String, Object> context) {
        if (limit != null) {
            b.put("limit", limit);
        }
        if (order != null) {
            b.put("order", order);
        }
        if (context != null && !context.isEmpty()) {
            b.put("context", context);
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
