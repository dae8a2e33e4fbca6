package io.faceclock.api;

import io.faceclock.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes the JSON envelope every endpoint answers with: success, then data or error. */
public final class Responses {

    private Responses() {
    }

    public static void ok(Exchange ex, Map<String, ?> fields) {
        write(ex, 200, envelope(true, fields));
    }

    public static void created(Exchange ex, Map<String, ?> fields) {
        write(ex, 201, envelope(true, fields));
    }

    public static void data(Exchange ex, Object data) {
        ok(ex, Map.of("data", data));
    }

    public static void error(Exchange ex, int status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        write(ex, status, body);
    }

    public static Map<String, Object> envelope(boolean success, Map<String, ?> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", success);
        body.putAll(fields);
        return body;
    }

    public static void write(Exchange ex, int status, Map<String, ?> body) {
        Message m = ex.getMessage();
        // Request headers (the API key among them) must never be echoed back as response headers.
        m.removeHeaders("*", "Retry-After");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        m.setBody(Json.write(body));
    }
}
