package io.faceclock.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.faceclock.api.dto.PhotoInput;
import io.faceclock.api.dto.PhotosInput;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The step after the guard (api-guard.yaml): a JSON body becomes the record its verb declares as
 * {@code type}, so handlers are plain methods taking that record. The record's
 * {@code static from(JsonInput)} reads it field by field, each refusal naming its field; a field that
 * is none of the record's (snake_case) components is refused here, unless the record tolerates it
 * with {@code @JsonIgnoreProperties} (read-only fields a GET returned).
 *
 * <p>Camel's own binding (bindingMode json) is not used: it runs before the key check, and its
 * Jackson errors name neither the field nor what is wrong with it. Photos ({@link PhotoInput},
 * {@link PhotosInput}: JSON, multipart or raw image bytes) are read by {@link ImageInput}.
 */
public final class BodyBinding implements Processor {

    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** How one record type is read from a JSON object; null for a type without {@code from(JsonInput)}. */
    private record Reader(MethodHandle from, List<String> fields, Set<String> tolerated) {

        Object read(JsonInput in) {
            in.onlyFields(fields, tolerated);
            try {
                return from.invoke(in);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final ClassValue<Reader> READERS = new ClassValue<>() {
        @Override
        protected Reader computeValue(Class<?> type) {
            return reader(type);
        }
    };

    /** Sets the body to the verb's record; leaves it as it is for a verb without one. */
    @Override
    public void process(Exchange exchange) {
        VerbScopes.Verb verb = exchange.getProperty(ApiGuard.VERB, VerbScopes.Verb.class);
        if (verb == null || verb.body() == null) {
            return;
        }
        if (verb.body() == PhotoInput.class) {
            exchange.getMessage().setBody(ImageInput.of(exchange));
            return;
        }
        if (verb.body() == PhotosInput.class) {
            exchange.getMessage().setBody(ImageInput.many(exchange));
            return;
        }
        Reader reader = READERS.get(verb.body());
        if (reader == null) {
            return;
        }
        ApiRequest req = ApiRequest.of(exchange);
        JsonInput in = verb.bodyOptional() && req.body().isBlank() ? JsonInput.empty() : JsonInput.of(req);
        exchange.getMessage().setBody(reader.read(in));
    }

    /** The fields a body of this type may hold, or null when it is not bound (no {@code from(JsonInput)}). */
    static List<String> fields(Class<?> type) {
        Reader r = READERS.get(type);
        return r == null ? null : r.fields();
    }

    private static Reader reader(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        MethodHandle from;
        try {
            from = MethodHandles.publicLookup().findStatic(type, "from", MethodType.methodType(type, JsonInput.class));
        } catch (NoSuchMethodException | IllegalAccessException none) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (!c.isAnnotationPresent(JsonIgnore.class) && !c.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                fields.add(SNAKE.translate(c.getName()));
            }
        }
        JsonIgnoreProperties ignored = type.getAnnotation(JsonIgnoreProperties.class);
        return new Reader(from, List.copyOf(fields),
                ignored == null ? Set.of() : Set.of(ignored.value()));
    }
}
