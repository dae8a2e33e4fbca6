package io.faceclock.face;

/**
 * What an uploaded image may be: at most {@code maxBytes} long, at most {@code maxPixels} pixels as
 * declared in its header (checked before decoding), and at least {@code minSide} pixels on each side.
 */
public record ImageLimits(long maxBytes, long maxPixels, int minSide) {

    /** 10 MiB, 25 megapixels (a 6000x4000 phone photo fits), 32 px. */
    public static final ImageLimits DEFAULT = new ImageLimits(10L << 20, 25_000_000L, 32);
}
