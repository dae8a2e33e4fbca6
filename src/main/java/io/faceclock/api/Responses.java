package io.faceclock.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.faceclock.json.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes the JSON envelope every endpoint answers with: success, then data or error. */
public final class Responses {

    /**
     * Writes JSON straight to a generator: the fields of the envelope, or one value. Busy listings
     * use it instead of a map per row, which Jackson would then have to walk and look types up in.
     */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    private Responses() {
    }

    public static void ok(Exchange ex, Map<String, ?> fields) {
        write(ex, 200, envelope(true, fields));
    }

    /** 200 with {"success": true, then whatever fields writes}. */
    public static void ok(Exchange ex, JsonWriter fields) {
        body(ex, 200, json(g -> {
            g.writeStartObject();
            g.writeBooleanField("success", true);
            fields.write(g);
            g.writeEndObject();
        }));
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
        body(ex, status, Json.write(body));
    }

    /** A value that Jackson writes by calling the writer, to put one into a map answer. */
    public static Object value(JsonWriter value) {
        return new JsonSerializable.Base() {
            @Override
            public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
                value.write(g);
            }

            @Override
            public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
                    throws IOException {
                value.write(g);
            }
        };
    }

    /** Text, as Json.write would give: the same escaping, and UTF-8 the same way Vert.x encodes a String. */
    private static String json(JsonWriter writer) {
        StringWriter out = new StringWriter(8192);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void body(Exchange ex, int status, String json) {
        Message m = ex.getMessage();
        // Request headers (the API key among them) must never be echoed back as response headers.
        m.removeHeaders("*", "Retry-After");
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        // Bytes rather than a String: platform-http then sends a Content-Length instead of chunks.
        m.setBody(json.getBytes(StandardCharsets.UTF_8));
    }
}
