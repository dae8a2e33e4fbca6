package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

import io.faceclock.face.FaceException.Kind;
import java.util.Locale;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Decodes JPEG, PNG and WebP bytes into an upright BGR 8-bit 3-channel {@link Mat}, after checking the
 * byte count and the pixel count declared in the header against the limits. Thread-safe.
 */
public final class ImageDecoder {

    private final ImageLimits limits;

    public ImageDecoder(ImageLimits limits) {
        this.limits = limits;
    }

    /** @return a Mat the caller must close */
    public Mat decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new FaceException(Kind.BAD_IMAGE, "empty image");
        }
        if (bytes.length > limits.maxBytes()) {
            throw new FaceException(Kind.IMAGE_TOO_LARGE,
                    "image too large: " + bytes.length + " bytes, limit " + limits.maxBytes());
        }
        ImageHeader header = ImageHeader.read(bytes);
        checkSize(header.width(), header.height());
        if (!header.complete()) {
            // a half-grey face must not be enrolled
            throw new FaceException(Kind.BAD_IMAGE, "truncated " + header.format().toUpperCase(Locale.ROOT));
        }
        Mat image;
        // IMREAD_COLOR turns grey and alpha images into BGR and applies the EXIF orientation
        try (BytePointer data = new BytePointer(bytes); Mat raw = new Mat(1, bytes.length, 0, data)) {
            image = imdecode(raw, IMREAD_COLOR);
        } catch (RuntimeException e) {
            throw new FaceException(Kind.BAD_IMAGE, "cannot decode " + header.format() + " image: " + e.getMessage());
        }
        if (image.empty()) {
            image.close();
            throw new FaceException(Kind.BAD_IMAGE, "cannot decode " + header.format() + " image (corrupt or truncated)");
        }
        return image;
    }

    private void checkSize(int width, int height) {
        if (width < limits.minSide() || height < limits.minSide()) {
            throw new FaceException(Kind.BAD_IMAGE,
                    "image too small: " + width + "x" + height + ", need at least " + limits.minSide() + " px a side");
        }
        long pixels = (long) width * height;
        if (pixels > limits.maxPixels()) {
            throw new FaceException(Kind.IMAGE_TOO_LARGE,
                    "image too large: " + width + "x" + height + " pixels, limit " + limits.maxPixels() + " pixels");
        }
    }
}
