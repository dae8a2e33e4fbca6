package io.faceclock.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.faceclock.api.dto.Reply;
import io.faceclock.json.Json;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes the JSON envelope every endpoint answers with: success, then data or error. */
public final class Responses {

    private static final String RETRY_AFTER = "Retry-After";

    /**
     * Writes JSON straight to a generator: the fields of the envelope, or one value. Busy listings
     * use it instead of a map per row, which Jackson would then have to walk and look types up in.
     */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /** Records as UTF-8 JSON, characters beyond the BMP as their 4 bytes like the String path sends them. */
    private static final ObjectWriter REPLIES = Json.MAPPER.writer()
            .with(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);

    private Responses() {
    }

    /**
     * Run after every REST handler (api-guard.yaml), before the answer leaves: a handler that returned
     * a {@link Reply} value gets it written as JSON with its status; any other body is already an answer.
     */
    public static void reply(Exchange ex) {
        if (ex.getMessage().getBody() instanceof Reply r) {
            try {
                body(ex, r.status(), Buffer.buffer(REPLIES.writeValueAsBytes(r)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static void ok(Exchange ex, Map<String, ?> fields) {
        write(ex, 200, envelope(true, fields));
    }

    /**
     * 200 with {"success": true, then whatever fields writes}, as UTF-8 straight into the buffer
     * Vert.x sends (a String body would be copied twice more and encoded on the way out).
     */
    public static void ok(Exchange ex, JsonWriter fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try (JsonGenerator g = Json.MAPPER.createGenerator(out)) {
            // A character beyond the BMP as its 4 UTF-8 bytes, as the String path sends it, not as an escape.
            g.enable(JsonGenerator.Feature.COMBINE_UNICODE_SURROGATES_IN_UTF8);
            g.writeStartObject();
            g.writeBooleanField("success", true);
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A Buffer goes to the socket as it is; byte[] would be pumped through an InputStream.
        body(ex, 200, Buffer.buffer(out.toByteArray()));
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

    /**
     * Writes a value as Jackson's ObjectMapper would for the plain types that maps read from JSON or
     * built for an answer hold (text, numbers, booleans, null, maps, lists), without the mapper's
     * per-call set-up; anything else goes to the mapper.
     */
    public static void writePlain(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Map<?, ?> m && allKeysText(m)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                writePlain(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                writePlain(g, o);
            }
            g.writeEndArray();
        } else {
            g.writeObject(v);
        }
    }

    private static boolean allKeysText(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
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

    private static void body(Exchange ex, int status, Object json) {
        Message m = ex.getMessage();
        // Request headers (the API key among them) must never be echoed back as response headers.
        // Kept by hand rather than removeHeaders("*", "Retry-After"), which compiles that name as a
        // regular expression once per header per request.
        Object retryAfter = m.getHeader(RETRY_AFTER);
        m.getHeaders().clear();
        if (retryAfter != null) {
            m.setHeader(RETRY_AFTER, retryAfter);
        }
        m.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        m.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=utf-8");
        m.setBody(json);
    }
}
