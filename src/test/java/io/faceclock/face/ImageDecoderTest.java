package io.faceclock.face;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.faceclock.face.FaceException.Kind;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder(ImageLimits.DEFAULT);

    @Test
    void greyPngBecomesThreeChannels() {
        byte[] png = Shared.photo("bbt/amy/amy1.png");
        try (Mat raw = Images.decodeUnchanged(png); Mat image = decoder.decode(png)) {
            assertEquals(1, raw.channels(), "the bbt crops are stored grey");
            assertEquals(3, image.channels());
            assertEquals(150, image.cols());
            assertEquals(150, image.rows());
        }
    }

    @Test
    void jpegAndLossyAndLosslessWebpDecodeAtTheirHeaderSize() {
        try (Mat photo = decoder.decode(Shared.photo("facerec/obama/examples_obama_small.jpg"))) {
            byte[] lossy = Images.encode(".webp", photo, IMWRITE_WEBP_QUALITY, 90);
            byte[] lossless = Images.encode(".webp", photo, IMWRITE_WEBP_QUALITY, 101);
            for (byte[] bytes : new byte[][] {Images.encode(".jpg", photo), lossy, lossless}) {
                ImageHeader header = ImageHeader.read(bytes);
                assertEquals(photo.cols(), header.width());
                assertEquals(photo.rows(), header.height());
                try (Mat decoded = decoder.decode(bytes)) {
                    assertEquals(photo.cols(), decoded.cols());
                    assertEquals(photo.rows(), decoded.rows());
                    assertEquals(3, decoded.channels());
                }
            }
            assertEquals("VP8 ", new String(lossy, 12, 4));
            assertEquals("VP8L", new String(lossless, 12, 4));
        }
    }

    @Test
    void exifOrientationSixTurnsTheImageUpright() {
        try (Mat wide = new Mat(200, 300, CV_8UC3, new Scalar(40, 90, 200, 0))) {
            byte[] jpeg = withExifOrientation(Images.encode(".jpg", wide), 6);
            ImageHeader header = ImageHeader.read(jpeg);
            assertEquals(300, header.width(), "the stored frame is still wide");
            try (Mat decoded = decoder.decode(jpeg)) {
                assertEquals(200, decoded.cols());
                assertEquals(300, decoded.rows());
            }
        }
    }

    @Test
    void nonImageBytesAreABadImage() {
        FaceException e = assertThrows(FaceException.class,
                () -> decoder.decode("hello, this is not a picture at all".getBytes()));
        assertEquals(Kind.BAD_IMAGE, e.kind());
        assertEquals("not a JPEG, PNG or WebP image", e.getMessage());
    }

    @Test
    void truncatedJpegIsABadImage() {
        byte[] jpeg = Shared.photo("facerec/obama/examples_obama.jpg");
        FaceException e = assertThrows(FaceException.class, () -> decoder.decode(Arrays.copyOf(jpeg, jpeg.length / 2)));
        assertEquals(Kind.BAD_IMAGE, e.kind());
        assertEquals("truncated JPEG", e.getMessage());
    }

    @Test
    void dataAfterTheJpegEndLikeAMotionPhotoVideoIsFine() {
        byte[] jpeg = Shared.photo("facerec/obama/examples_obama_small.jpg");
        byte[] withTrailer = Arrays.copyOf(jpeg, jpeg.length + 5000);
        Arrays.fill(withTrailer, jpeg.length, withTrailer.length, (byte) 0x42);
        try (Mat image = decoder.decode(withTrailer)) {
            assertEquals(ImageHeader.read(jpeg).width(), image.cols());
        }
    }

    @Test
    void aJpegCutBeforeItsPixelsIsTruncated() {
        byte[] jpeg = Shared.photo("facerec/obama/examples_obama_small.jpg");
        FaceException e = assertThrows(FaceException.class, () -> decoder.decode(Arrays.copyOf(jpeg, indexOfSof(jpeg) + 40)));
        assertEquals(Kind.BAD_IMAGE, e.kind());
        assertEquals("truncated JPEG", e.getMessage());
    }

    @Test
    void truncatedPngIsABadImage() {
        byte[] png = Shared.photo("facerec/alex_lacamoire/examples_alex-lacamoire.png");
        FaceException e = assertThrows(FaceException.class, () -> decoder.decode(Arrays.copyOf(png, png.length / 2)));
        assertEquals(Kind.BAD_IMAGE, e.kind());
    }

    @Test
    void onePixelPngIsABadImage() {
        try (Mat dot = new Mat(1, 1, CV_8UC3, new Scalar(0, 0, 0, 0))) {
            FaceException e = assertThrows(FaceException.class, () -> decoder.decode(Images.encode(".png", dot)));
            assertEquals(Kind.BAD_IMAGE, e.kind());
            assertTrue(e.getMessage().startsWith("image too small: 1x1"), e.getMessage());
        }
    }

    @Test
    void tooManyBytesAreRefusedBeforeDecoding() {
        ImageDecoder small = new ImageDecoder(new ImageLimits(10_000, ImageLimits.DEFAULT.maxPixels(), 32));
        byte[] jpeg = Shared.photo("facerec/obama/examples_obama.jpg");
        FaceException e = assertThrows(FaceException.class, () -> small.decode(jpeg));
        assertEquals(Kind.IMAGE_TOO_LARGE, e.kind());
        assertEquals("image too large: " + jpeg.length + " bytes, limit 10000", e.getMessage());
    }

    @Test
    void hugeSizeDeclaredInATinyPngHeaderIsRefused() {
        byte[] png = Shared.photo("bbt/amy/amy1.png").clone();
        setInt32be(png, 16, 60_000);
        setInt32be(png, 20, 60_000);
        FaceException e = assertThrows(FaceException.class, () -> decoder.decode(png));
        assertEquals(Kind.IMAGE_TOO_LARGE, e.kind());
        assertEquals("image too large: 60000x60000 pixels, limit 25000000 pixels", e.getMessage());
    }

    @Test
    void hugeSizeDeclaredInAJpegFrameHeaderIsRefused() {
        byte[] jpeg = Shared.photo("facerec/obama/examples_obama_small.jpg").clone();
        int sof = indexOfSof(jpeg);
        jpeg[sof + 5] = jpeg[sof + 7] = (byte) 0xFD; // height and width about 65,000
        FaceException e = assertThrows(FaceException.class, () -> decoder.decode(jpeg));
        assertEquals(Kind.IMAGE_TOO_LARGE, e.kind());
    }

    @Test
    void hugeCanvasDeclaredInAWebpExtendedHeaderIsRefused() {
        byte[] webp = new byte[40];
        System.arraycopy("RIFF".getBytes(), 0, webp, 0, 4);
        System.arraycopy("WEBPVP8X".getBytes(), 0, webp, 8, 8);
        webp[16] = 10;
        Arrays.fill(webp, 24, 30, (byte) 0xFF); // 16,777,216 x 16,777,216
        FaceException e = assertThrows(FaceException.class, () -> decoder.decode(webp));
        assertEquals(Kind.IMAGE_TOO_LARGE, e.kind());
        assertArrayEquals(new int[] {16_777_216, 16_777_216},
                new int[] {ImageHeader.read(webp).width(), ImageHeader.read(webp).height()});
    }

    /** Inserts an APP1 Exif segment whose only tag is Orientation, right after SOI. */
    static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0,
                0, 0, 0, 0};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int length = 2 + 6 + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes("Exif\0\0".getBytes());
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private static int indexOfSof(byte[] jpeg) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && ((jpeg[i + 1] & 0xff) == 0xC0 || (jpeg[i + 1] & 0xff) == 0xC2)) {
                return i;
            }
        }
        throw new IllegalStateException("no SOF0/SOF2 marker");
    }

    private static void setInt32be(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
