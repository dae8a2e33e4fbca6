package io.faceclock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faceclock.json.Json;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * A photo sent three ways: a multipart file upload, a raw image/jpeg|png|webp body, or JSON
 * {"image": "<base64>"} with other fields beside it. Other fields come back as {@link #fields}.
 */
public record ImageInput(byte[] image, ObjectNode fields) {

    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/jpg", "image/png", "image/webp");

    public static ImageInput of(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String type = req.contentType() == null ? "" : req.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (IMAGE_TYPES.contains(type)) {
            return new ImageInput(nonEmpty(req.bodyBytes()), Json.MAPPER.createObjectNode());
        }
        if (type.equals("multipart/form-data")) {
            return multipart(ex);
        }
        if (JsonInput.isJson(type)) {
            return json(req);
        }
        throw new ApiException(415, "Content-Type", "Send the photo as multipart/form-data (field 'image' or 'file'), "
                + "as a raw image/jpeg, image/png or image/webp body, or as JSON {\"image\": \"<base64>\"}"
                + (type.isEmpty() ? "" : "; got " + Texts.clip(type)));
    }

    /** A field from the JSON body, or else from the query string or a multipart form field. */
    public String field(Exchange ex, String name) {
        JsonNode v = fields.get(name);
        if (v != null && !v.isNull()) {
            return v.isTextual() ? v.asText() : v.toString();
        }
        return ApiRequest.of(ex).query(name);
    }

    private static ImageInput multipart(Exchange ex) {
        Object body = ex.getMessage().getBody();
        if (body instanceof File upload) {
            try {
                return new ImageInput(nonEmpty(Files.readAllBytes(upload.toPath())), Json.MAPPER.createObjectNode());
            } catch (IOException e) {
                throw ApiException.badRequest("image", "The uploaded file could not be read");
            } finally {
                upload.delete();
            }
        }
        throw ApiException.badRequest("image", "The multipart body holds no file; send the photo as a file field");
    }

    private static ImageInput json(ApiRequest req) {
        JsonInput in = JsonInput.of(req);
        ObjectNode node = in.node();
        JsonNode image = node.get("image");
        if (image == null || image.isNull()) {
            throw ApiException.badRequest("image", "image is required: the photo as base64");
        }
        if (!image.isTextual()) {
            throw ApiException.badRequest("image", "image must be a base64 string");
        }
        String text = image.asText().trim();
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        if (comma >= 0) {
            text = text.substring(comma + 1);
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(text);
            if (!text.isEmpty() && !text.matches("[A-Za-z0-9+/=\\s]*")) {
                throw new IllegalArgumentException("not base64");
            }
            return new ImageInput(nonEmpty(bytes), node);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("image", "image is not valid base64");
        }
    }

    private static byte[] nonEmpty(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("image", "The photo is empty");
        }
        return bytes;
    }
}
