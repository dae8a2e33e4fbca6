package io.faceclock.api;

import io.faceclock.errors.InvalidInputException;
import io.faceclock.security.ApiKey;
import io.vertx.core.net.SocketAddress;
import java.util.Locale;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

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

    public String header(String name) {
        return in.getHeader(name, String.class);
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
        String v = in.getHeader(name, String.class);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(name, name + " is missing from the path");
        }
        return v;
    }

    public long pathLong(String name) {
        String v = pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number, got '" + Texts.clip(v) + "'");
        }
    }

    public String query(String name) {
        String v = in.getHeader(name, String.class);
        return v == null || v.isBlank() ? null : v.trim();
    }

    public int queryInt(String name, int fallback, int min, int max) {
        String v = query(name);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, name + " must be a whole number, got '" + Texts.clip(v) + "'");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(name, name + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    public Boolean queryBool(String name) {
        String v = query(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, name + " must be true or false, got '" + Texts.clip(v) + "'");
        };
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
        ApiKey k = apiKey();
        return k == null ? "unknown" : "api key " + k.id() + " (" + k.name() + ")";
    }
}
