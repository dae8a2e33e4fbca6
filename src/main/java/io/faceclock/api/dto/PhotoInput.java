package io.faceclock.api.dto;

import java.util.List;

/**
 * A photo as JSON: {"image": "<base64>"} (a data: URL too); the other fields of the verb may sit beside
 * it or in the query. Multipart (field image or file) and raw image bodies carry the same photo.
 * Enrolment also takes several: {"images": ["<base64>", ...]}, or multipart files image1, image2, ...
 */
public record PhotoInput(String image, List<String> images) {
}
