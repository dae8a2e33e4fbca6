package io.faceclock.api;

import io.faceclock.security.ApiKey;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;

/** What a handler needs from an HTTP exchange: parameters, body, caller; with field-named errors. */
public final class ApiRequest {

    public static final String API_KEY_PROPERTY = "faceclock.apiKey";
    private static final String REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final Exchange exchange;
    private final Message in;

    private ApiRequest(Exchange exchange) {
        this.exchange = exchange;
        this.in = exchange.getMessage();
    }

    public static ApiRequest of(Exchange exchange) {
        return new ApiRequest(exchange);
    }

    public Exchange exchange() {
        return exchange;
    }

    public String method() {
        return in.getHeader(Exchange.HTTP_METHOD, "GET", String.class).toUpperCase(Locale.ROOT);
    }

    public String path() {
        String p = in.getHeader(Exchange.HTTP_PATH, String.class);
        return p == null ? in.getHeader(Exchange.HTTP_URI, "", String.class) : p;
    }

    /**
     * A header the client sent, never a query parameter of the same name (Camel copies those into
     * the message headers too); several lines of it are one comma-separated list (RFC 9110 §5.3), as
     * a proxy that adds its own X-Forwarded-For line means them. Null when the request has none.
     */
    public String header(String name) {
        return exchange.getIn() instanceof HttpMessage http ? header(http.getRequest(), name) : null;
    }

    /** The same, for the HTTP server's own request (before Camel has an exchange for it). */
    public static String header(HttpServerRequest request, String name) {
        List<String> lines = request.headers().getAll(name);
        return lines.isEmpty() ? null : String.join(", ", lines);
    }

    public String contentType() {
        return in.getHeader(Exchange.CONTENT_TYPE, String.class);
    }

    public String remoteAddress() {
        Object a = in.getHeader(REMOTE_ADDRESS);
        if (a instanceof SocketAddress s) {
            return s.hostAddress();
        }
        return a == null ? "unknown" : a.toString();
    }

    /** Path parameter as declared in the REST DSL, e.g. {person_id}. */
    public String pathParam(String name) {
        return Params.path(name, in.getHeader(name, String.class));
    }

    public long pathLong(String name) {
        return Params.pathLong(name, in.getHeader(name, String.class));
    }

    public String query(String name) {
        return Params.text(in.getHeader(name, String.class));
    }

    public int queryInt(String name, int fallback, int min, int max) {
        return Params.integer(name, in.getHeader(name, String.class), fallback, min, max);
    }

    public Boolean queryBool(String name) {
        return Params.bool(name, in.getHeader(name, String.class));
    }

    public String body() {
        String b = in.getBody(String.class);
        return b == null ? "" : b;
    }

    public byte[] bodyBytes() {
        byte[] b = in.getBody(byte[].class);
        return b == null ? new byte[0] : b;
    }

    /** The key that the guard accepted for this request. */
    public ApiKey apiKey() {
        return exchange.getProperty(API_KEY_PROPERTY, ApiKey.class);
    }

    /** Who did it, for the audit log: the key's name and id, never its text. */
    public String actor() {
        return actor(apiKey());
    }

    /** Who did it, for the key the guard accepted. */
    public static String actor(ApiKey k) {
        return k == null ? "unknown" : "api key " + k.id() + " (" + k.name() + ")";
    }
}
