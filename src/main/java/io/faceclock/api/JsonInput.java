package io.faceclock.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faceclock.json.Json;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A JSON object from a request body, read field by field with errors that name the field. */
public final class JsonInput {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.{1,200}?)'");
    private static final int MAX_METADATA_CHARS = 16_384;
    /** How deep a request body may nest; Jackson's own limit (1000) is far beyond any real request. */
    static final int MAX_DEPTH = 32;
    /** How deep a stored JSON object (metadata) may nest, counting itself as level 1. */
    static final int MAX_METADATA_DEPTH = 16;
    private static final ObjectMapper INPUT = Json.strict(MAX_DEPTH);
    /** Only to find where a body nests too deep: a streaming parser holds no tree, so any depth is cheap. */
    private static final JsonFactory DEEP = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build()).build();

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
        String charset = charset(type);
        if (charset != null && !charset.equals("utf-8") && !charset.equals("utf8")) {
            throw new ApiException(415, "Content-Type", "Send JSON as UTF-8 (RFC 8259), not " + Texts.clip(charset));
        }
        String body = Texts.utf8(req.bodyBytes());
        if (body.isBlank()) {
            throw ApiException.badRequest("body", "The request body is empty; send a JSON object");
        }
        return new JsonInput(parse(body));
    }

    /** One JSON object, nested at most {@value #MAX_DEPTH} levels, each key once. */
    static ObjectNode parse(String body) {
        JsonNode parsed;
        try {
            parsed = INPUT.readTree(body);
        } catch (StreamConstraintsException e) {
            String field = fieldNestedTooDeep(body);
            throw field == null ? ApiException.badRequest("body", "The body is nested deeper than " + MAX_DEPTH
                    + " levels or holds a value too long to read")
                    : ApiException.badRequest(field, field + " is nested deeper than " + MAX_DEPTH + " levels");
        } catch (JsonProcessingException e) {
            java.util.regex.Matcher dup = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (dup.find()) {
                throw ApiException.badRequest(dup.group(1), "The field '" + Texts.clip(dup.group(1))
                        + "' is given twice; give each field once");
            }
            JsonLocation at = e.getLocation();
            throw ApiException.badRequest("body", "The body is not valid JSON: " + Texts.clip(e.getOriginalMessage())
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(parsed instanceof ObjectNode obj)) {
            throw ApiException.badRequest("body", "The body must be a JSON object");
        }
        return obj;
    }

    /** The top-level field whose value nests beyond {@value #MAX_DEPTH} levels, read token by token; null if none. */
    private static String fieldNestedTooDeep(String body) {
        try (JsonParser p = DEEP.createParser(body)) {
            int depth = 0;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t.isStructStart() && ++depth > MAX_DEPTH) {
                    return field;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 1) {
                    field = Texts.clip(p.currentName());
                }
            }
        } catch (IOException | RuntimeException notReadable) {
            // the parse above says what is wrong with it
        }
        return null;
    }

    private static String charset(String contentType) {
        for (String part : contentType.toLowerCase(Locale.ROOT).split(";")) {
            String p = part.trim();
            if (p.startsWith("charset=")) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }

    static boolean isJson(String contentType) {
        String t = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return t.equals("application/json") || t.endsWith("+json");
    }

    /** An empty object: what a bare POST of a verb whose body is optional stands for. */
    static JsonInput empty() {
        return new JsonInput(Json.MAPPER.createObjectNode());
    }

    /** Refuses fields this endpoint does not know; read-only ones a GET returned are tolerated. */
    JsonInput onlyFields(List<String> writable, Set<String> ignored) {
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

    /** Plain text (see {@link Texts#plain}): at most max characters; blank becomes null. */
    public String text(String field, boolean required, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Texts.plain(field, null, required, max);
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a string, got " + kind(v));
        }
        return Texts.plain(field, v.asText(), required, max);
    }

    public String matching(String field, boolean required, Pattern pattern, String rule) {
        return matching(field, required, 255, pattern, rule);
    }

    public String matching(String field, boolean required, int max, Pattern pattern, String rule) {
        String s = text(field, required, max);
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

    /** A field given as true or false, never null. */
    public boolean requiredBool(String field) {
        Boolean b = bool(field);
        if (b == null) {
            throw ApiException.badRequest(field, field + " must be true or false, not null");
        }
        return b;
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
        if (depth(v) > MAX_METADATA_DEPTH) {
            throw ApiException.badRequest(field, field + " is nested deeper than " + MAX_METADATA_DEPTH + " levels");
        }
        String text = v.toString();
        if (text.length() > MAX_METADATA_CHARS) {
            throw ApiException.badRequest(field, field + " is larger than " + MAX_METADATA_CHARS + " characters");
        }
        Texts.unicode(field, text);
        return Json.readMap(text);
    }

    /** How many levels of objects and arrays: 0 for a scalar, 1 for {"a": 1}, 2 for {"a": {"b": 1}}. */
    static int depth(JsonNode v) {
        int deepest = 0;
        for (JsonNode child : v) {
            deepest = Math.max(deepest, depth(child));
        }
        return v.isContainerNode() ? deepest + 1 : 0;
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
