package io.faceclock.odoo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.faceclock.odoo.OdooException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
    private final Remembered<Integer> uid = new Remembered<>();
    private final Remembered<ServerVersion> serverVersion = new Remembered<>();

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
        return serverVersion.keep(new ServerVersion(v, info, 0));
    }

    @Override
    public ServerVersion serverVersion() {
        return serverVersion.orAsk(this::version);
    }

    @Override
    public String transport() {
        return "json2";
    }

    @Override
    public int authenticate() {
        return uid.orAsk(this::contextUid);
    }

    private Integer contextUid() {
        Object r = post("res.users", "context_get", new LinkedHashMap<>());
        if (r instanceof Map<?, ?> ctx && ctx.get("uid") instanceof Integer id) {
            LOG.info("Authenticated to Odoo {} database {} with an API key (uid {})", conn.hostPort(), conn.db(), id);
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
        return results.ids(post(model, "create", body("vals_list", records), conn.deadlineFor(records.size())));
    }

    @Override
    public boolean write(String model, List<Integer> ids, Map<String, Object> values) {
        return Boolean.TRUE.equals(post(model, "write", body("ids", ids, "vals", values), conn.deadlineFor(ids.size())));
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
        return post(model, method, body, conn.callTimeout());
    }

    private Object post(String model, String method, Map<String, Object> body, Duration deadline) {
        return send("POST", "/json/2/" + model + "/" + method, body, model + "/" + method, deadline);
    }

    private Object send(String verb, String path, Map<String, Object> body, String label) {
        return send(verb, path, body, label, conn.callTimeout());
    }

    /** One call under its total deadline: headers and body, however slowly the server sends them. */
    private Object send(String verb, String path, Map<String, Object> body, String label, Duration deadline) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(conn.url() + path)).timeout(deadline);
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
        AtomicReference<CappedBody> reading = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(req.build(), info -> {
            CappedBody b = new CappedBody(conn.maxResponseBytes(),
                    info.headers().firstValueAsLong("Content-Length").orElse(-1));
            reading.set(b);
            return b;
        });
        try {
            HttpResponse<byte[]> res = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return errors.decode(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body(),
                    label);
        } catch (TimeoutException e) {
            call.cancel(true);
            CappedBody b = reading.get();
            if (b != null) {
                b.cancel();
            }
            OdooException mapped = Deadline.timeout(conn, errors.scrub(label), deadline);
            LOG.debug("Odoo call {} failed: {}", errors.scrub(label), mapped.getMessage());
            throw mapped;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OdooException o) {
                throw o;
            }
            if (cause instanceof HttpTimeoutException) {
                throw Deadline.timeout(conn, errors.scrub(label), deadline);
            }
            OdooException mapped = errors.transport(cause instanceof IOException io ? io : new IOException(cause),
                    label);
            LOG.debug("Odoo call {} failed: {}", errors.scrub(label), mapped.getMessage());
            throw mapped;
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new OdooException(Kind.TIMEOUT, "The call " + label + " to Odoo at " + conn.hostPort()
                    + " was interrupted.");
        } catch (OdooException e) {
            if (e.kind() == Kind.AUTH_FAILED) {
                uid.forget();
            }
            LOG.debug("Odoo call {} failed: {}", errors.scrub(label), e.getMessage());
            throw e;
        }
    }

    /** The answer's bytes, refused as soon as they pass the cap (or when the announced length does). */
    private final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final long announced;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;

        CappedBody(long max, long announced) {
            this.max = max;
            this.announced = announced;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (announced > max) {
                s.cancel();
                result.completeExceptionally(new OdooException(Kind.RESPONSE_TOO_LARGE, "Odoo at " + conn.hostPort()
                        + " announced an answer of " + announced + " bytes, more than the limit of " + max + " bytes."));
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (bytes.size() + (long) b.remaining() > max) {
                    cancel();
                    result.completeExceptionally(new LimitedInputStream.TooLargeException(max));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
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
