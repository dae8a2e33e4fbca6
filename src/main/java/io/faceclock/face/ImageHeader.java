package io.faceclock.face;

import io.faceclock.face.FaceException.Kind;

/**
 * Format and size read from the first bytes of a JPEG, PNG or WebP file, so that the size can be
 * judged before any pixel is decoded.
 *
 * @param complete false for a JPEG with no end-of-image marker after its first scan: libjpeg would
 *                 pad the missing part with grey and only warn. (Data after the marker, such as the
 *                 video of an Android motion photo, is fine.) PNG and WebP decoders fail on their own.
 */
public record ImageHeader(String format, int width, int height, boolean complete) {

    public long pixels() {
        return (long) width * height;
    }

    public static ImageHeader read(byte[] b) {
        if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && ascii(b, 12, "IHDR")) {
            return new ImageHeader("png", int32be(b, 16), int32be(b, 20), true);
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return jpeg(b);
        }
        if (b.length >= 30 && ascii(b, 0, "RIFF") && ascii(b, 8, "WEBP")) {
            return webp(b);
        }
        throw bad("not a JPEG, PNG or WebP image");
    }

    private static ImageHeader jpeg(byte[] b) {
        int width = -1;
        int height = -1;
        int i = 2;
        while (i + 3 < b.length) {
            if ((b[i] & 0xff) != 0xFF) {
                throw bad("corrupt JPEG: no marker at byte " + i);
            }
            int marker = b[i + 1] & 0xff;
            if (marker == 0xFF) { // fill byte
                i++;
                continue;
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                i += 2;
                continue;
            }
            if (marker == 0xD9 || (marker == 0xDA && width < 0)) {
                break; // end of image, or a scan before any frame header
            }
            if (marker == 0xDA) {
                // entropy-coded data escapes 0xFF as FF00, so the next FFD9 is the end of the image
                return new ImageHeader("jpeg", width, height, indexOfEoi(b, i + 2) >= 0);
            }
            int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && i + 9 <= b.length) {
                height = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
                width = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
            }
            i += 2 + length;
        }
        if (width >= 0) {
            return new ImageHeader("jpeg", width, height, false);
        }
        throw bad("corrupt or truncated JPEG: no frame header");
    }

    private static int indexOfEoi(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if ((b[i] & 0xff) == 0xFF && (b[i + 1] & 0xff) == 0xD9) {
                return i;
            }
        }
        return -1;
    }

    private static ImageHeader webp(byte[] b) {
        if (ascii(b, 12, "VP8 ")) {
            if ((b[23] & 0xff) != 0x9d || (b[24] & 0xff) != 0x01 || (b[25] & 0xff) != 0x2a) {
                throw bad("corrupt WebP: bad VP8 start code");
            }
            return new ImageHeader("webp", int16le(b, 26) & 0x3fff, int16le(b, 28) & 0x3fff, true);
        }
        if (ascii(b, 12, "VP8L")) {
            if ((b[20] & 0xff) != 0x2f) {
                throw bad("corrupt WebP: bad VP8L signature");
            }
            int bits = (b[21] & 0xff) | (b[22] & 0xff) << 8 | (b[23] & 0xff) << 16 | (b[24] & 0xff) << 24;
            return new ImageHeader("webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1, true);
        }
        if (ascii(b, 12, "VP8X")) {
            int width = ((b[24] & 0xff) | (b[25] & 0xff) << 8 | (b[26] & 0xff) << 16) + 1;
            int height = ((b[27] & 0xff) | (b[28] & 0xff) << 8 | (b[29] & 0xff) << 16) + 1;
            return new ImageHeader("webp", width, height, true);
        }
        throw bad("unsupported WebP chunk");
    }

    private static boolean ascii(byte[] b, int at, String s) {
        for (int k = 0; k < s.length(); k++) {
            if (b[at + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int int32be(byte[] b, int at) {
        long v = ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
        if (v > Integer.MAX_VALUE) {
            throw bad("corrupt PNG: impossible size");
        }
        return (int) v;
    }

    private static int int16le(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static FaceException bad(String why) {
        return new FaceException(Kind.BAD_IMAGE, why);
    }
}
