package io.faceclock.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/** The one Jackson mapper: strict on input (duplicate keys, trailing garbage), plain on output. */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private static final Map<Integer, ObjectMapper> BOUNDED = new java.util.concurrent.ConcurrentHashMap<>();

    private Json() {
    }

    /** A mapper as strict as {@link #MAPPER} that also refuses input nested deeper than maxDepth levels. */
    public static ObjectMapper strict(int maxDepth) {
        return JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxDepth).build())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON object nested at most maxDepth levels; IllegalArgumentException when deeper or not an object. */
    public static Map<String, Object> readMap(String json, int maxDepth) {
        ObjectMapper bounded = BOUNDED.computeIfAbsent(maxDepth, Json::strict);
        try {
            return bounded.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot read JSON: " + e.getOriginalMessage(), e);
        }
    }
}
