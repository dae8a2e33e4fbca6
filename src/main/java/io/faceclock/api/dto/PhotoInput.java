package io.faceclock.api.dto;

/**
 * A photo as JSON: {"image": "<base64>"} (a data: URL too); the other fields of the verb may sit beside
 * it or in the query. Multipart (field image or file) and raw image bodies carry the same photo. The
 * edge reads it into an {@code api.ImageInput} for the handler.
 */
public record PhotoInput(String image) {
}
