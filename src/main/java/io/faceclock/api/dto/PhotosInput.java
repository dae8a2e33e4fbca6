package io.faceclock.api.dto;

import java.util.List;

/**
 * One photo or several, for an enrolment: JSON {"images": ["<base64>", ...]} or {"image": "<base64>"},
 * multipart files image1, image2, ..., or one raw image body. The edge reads it into an
 * {@code api.ImageInput.Many} for the handler.
 */
public record PhotosInput(String image, List<String> images) {
}
