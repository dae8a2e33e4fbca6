package io.faceclock.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.faceclock.json.Json;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import org.apache.camel.attachment.AttachmentMessage;
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
            return json(JsonInput.of(req).node());
        }
        throw new ApiException(415, "Content-Type", "Send the photo as multipart/form-data (field 'image' or 'file'), "
                + "as a raw image/jpeg, image/png or image/webp body, or as JSON {\"image\": \"<base64>\"}"
                + (type.isEmpty() ? "" : "; got " + Texts.clip(type)));
    }

    /**
     * Several photos for one enrolment: multipart files (each under its own field name), JSON
     * {"images": ["<base64>", ...]} (or "image"), or one raw image body. Fields come back as with {@link #of}.
     */
    public static Many many(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String type = req.contentType() == null ? "" : req.contentType().toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (type.equals("multipart/form-data")) {
            AttachmentMessage message = ex.getMessage(AttachmentMessage.class);
            if (message != null && message.hasAttachments()) {
                return new Many(files(ex, message), Json.MAPPER.createObjectNode());
            }
        } else if (JsonInput.isJson(type)) {
            ObjectNode node = JsonInput.of(req).node();
            JsonNode images = node.get("images");
            if (images != null && !images.isNull()) {
                if (!images.isArray() || images.isEmpty()) {
                    throw ApiException.badRequest("images", "images must be a list of base64 photos");
                }
                List<byte[]> photos = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    photos.add(base64(images.get(i), "images[" + i + "]"));
                }
                return new Many(photos, node);
            }
            ImageInput one = json(node);
            return new Many(List.of(one.image()), node);
        }
        ImageInput one = of(ex);
        return new Many(List.of(one.image()), one.fields());
    }

    /** The photos of a several-photo request, with the other fields. */
    public record Many(List<byte[]> images, ObjectNode fields) {

        /** The field from the JSON body, else the value the query or a form field gave (or null). */
        public String field(String name, String fromQueryOrForm) {
            return new ImageInput(null, fields).field(name, fromQueryOrForm);
        }
    }

    private static List<byte[]> files(Exchange ex, AttachmentMessage message) {
        Map<String, DataHandler> attachments = message.getAttachments();
        List<byte[]> photos = new ArrayList<>();
        try {
            for (Map.Entry<String, DataHandler> a : attachments.entrySet()) {
                try (InputStream in = a.getValue().getInputStream()) {
                    photos.add(nonEmpty(in.readAllBytes()));
                } catch (IOException e) {
                    throw ApiException.badRequest(a.getKey(), "The uploaded file '" + Texts.clip(a.getKey())
                            + "' could not be read");
                }
            }
        } finally {
            attachments.values().forEach(ImageInput::delete);
        }
        Integer sent = ex.getMessage().getHeader("CamelAttachmentsSize", Integer.class);
        if (sent != null && sent > photos.size()) {
            throw ApiException.badRequest("image", sent + " files were sent but only " + photos.size()
                    + " field names: send each photo under its own name (image1, image2, ...)");
        }
        return photos;
    }

    private static void delete(DataHandler handler) {
        if (handler.getDataSource() instanceof FileDataSource file) {
            file.getFile().delete();
        }
    }

    /**
     * A field from the JSON body, or else the value the query string or a multipart form field gave
     * (Camel hands both to the handler as a header of that name).
     */
    public String field(String name, String fromQueryOrForm) {
        JsonNode v = fields.get(name);
        if (v != null && !v.isNull()) {
            return v.isTextual() ? v.asText() : v.toString();
        }
        return Params.text(fromQueryOrForm);
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

    private static ImageInput json(ObjectNode node) {
        JsonNode image = node.get("image");
        if (image == null || image.isNull()) {
            throw ApiException.badRequest("image", "image is required: the photo as base64");
        }
        return new ImageInput(base64(image, "image"), node);
    }

    private static byte[] base64(JsonNode image, String field) {
        if (!image.isTextual()) {
            throw ApiException.badRequest(field, field + " must be a base64 string");
        }
        String text = image.asText().trim();
        int comma = text.startsWith("data:") ? text.indexOf(',') : -1;
        if (comma >= 0) {
            text = text.substring(comma + 1);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(text);
            if (!text.isEmpty() && !text.matches("[A-Za-z0-9+/=\\s]*")) {
                throw new IllegalArgumentException("not base64");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field, field + " is not valid base64");
        }
        if (bytes.length == 0) {
            throw ApiException.badRequest(field, "The photo is empty");
        }
        return bytes;
    }

    private static byte[] nonEmpty(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw ApiException.badRequest("image", "The photo is empty");
        }
        return bytes;
    }
}
