package io.faceclock.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faceclock.json.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A JSON object from a request body, read field by field with errors that name the field. */
public final class JsonInput {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern MARKUP = Pattern.compile("[<>]");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
    private static final int MAX_METADATA_CHARS = 16_384;

    private final ObjectNode node;

    private JsonInput(ObjectNode node) {
        this.node = node;
    }

    /** The body as a JSON object: 415 unless it is sent as JSON, 400 unless it is one JSON object. */
    public static JsonInput of(ApiRequest req) {
        String type = req.contentType();
        if (type == null || !isJson(type)) {
            throw new ApiException(415, "Content-Type", "Send the body as application/json"
                    + (type == null ? "" : ", not " + Texts.clip(type)));
        }
        String body = req.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("body", "The request body is empty; send a JSON object");
        }
        JsonNode parsed;
        try {
            parsed = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "The body is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (!(parsed instanceof ObjectNode obj)) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        return new JsonInput(obj);
    }

    static boolean isJson(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return t.equals("application/json") || t.endsWith("+json");
    }

    /** Refuses fields this endpoint does not know; read-only ones a GET returned are tolerated. */
    public JsonInput onlyFields(Set<String> writable, Set<String> ignored) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String f = names.next();
            if (!writable.contains(f) && !ignored.contains(f)) {
                throw ApiException.badRequest(f, "Unknown field '" + Texts.clip(f) + "'; allowed: "
                        + String.join(", ", writable));
            }
        }
        return this;
    }

    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** Plain text: no markup, no control characters, at most max characters; blank becomes null. */
    public String text(String field, boolean required, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw ApiException.badRequest(field, field + " is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string, got " + kind(v));
        }
        String s = v.asText().strip();
        if (s.isEmpty()) {
            if (required) {
                throw ApiException.badRequest(field, field + " must not be empty");
            }
            return null;
        }
        if (s.length() > max) {
            throw ApiException.badRequest(field, field + " is longer than " + max + " characters");
        }
        if (MARKUP.matcher(s).find()) {
            throw ApiException.badRequest(field, field + " must not contain < or > (no HTML or markup)");
        }
        if (CONTROL.matcher(s).find()) {
            throw ApiException.badRequest(field, field + " must not contain control characters");
        }
        return s;
    }

    public String matching(String field, boolean required, Pattern pattern, String rule) {
        String s = text(field, required, 255);
        if (s != null && !pattern.matcher(s).matches()) {
            throw ApiException.badRequest(field, field + " " + rule + ", got '" + Texts.clip(s) + "'");
        }
        return s;
    }

    public String email(String field) {
        String s = text(field, false, 255);
        if (s != null && !EMAIL.matcher(s).matches()) {
            throw ApiException.badRequest(field, field + " is not an email address: '" + Texts.clip(s) + "'");
        }
        return s;
    }

    public Boolean bool(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw ApiException.badRequest(field, field + " must be true or false, got " + kind(v));
        }
        return v.booleanValue();
    }

    public Long positiveLong(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() <= 0) {
            throw ApiException.badRequest(field, field + " must be a positive whole number, got " + kind(v));
        }
        return v.longValue();
    }

    public Map<String, Object> object(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Map.of();
        }
        if (!v.isObject()) {
            throw ApiException.badRequest(field, field + " must be a JSON object, got " + kind(v));
        }
        if (v.toString().length() > MAX_METADATA_CHARS) {
            throw ApiException.badRequest(field, field + " is larger than " + MAX_METADATA_CHARS + " characters");
        }
        return Json.readMap(v.toString());
    }

    private static String kind(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "the number " + v.asText();
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return "null";
    }
}
