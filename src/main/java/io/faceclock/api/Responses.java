package io.faceclock.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.faceclock.api.dto.CsvFile;
import io.faceclock.api.dto.JpegImage;
import io.faceclock.api.dto.Reply;
import io.faceclock.json.Json;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Writes the JSON envelope every endpoint answers with: success, then data or error. */
public final class Responses {

    private static final String RETRY_AFTER = "Retry-After";

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
        if (ex.getMessage().getBody() instanceof JpegImage image) {
            jpeg(ex, image.jpeg(), image.cacheControl());
        } else if (ex.getMessage().getBody() instanceof CsvFile csv) {
            body(ex, 200, csv.text());
            ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
            ex.getMessage().setHeader("Content-Disposition", "attachment; filename=\"" + csv.fileName() + "\"");
        } else if (ex.getMessage().getBody() instanceof Reply r) {
            try {
                body(ex, r.status(), Buffer.buffer(REPLIES.writeValueAsBytes(r)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A JPEG answer (a thumbnail, a snapshot) with its caching rule, none of the request's headers kept. */
    private static void jpeg(Exchange ex, byte[] jpeg, String cacheControl) {
        ex.getMessage().removeHeaders("*");
        ex.getMessage().setHeader(Exchange.CONTENT_TYPE, "image/jpeg");
        ex.getMessage().setHeader("Cache-Control", cacheControl);
        ex.getMessage().setBody(jpeg);
    }

    public static void write(Exchange ex, int status, Map<String, ?> body) {
        body(ex, status, Json.write(body));
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
