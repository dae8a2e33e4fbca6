package io.faceclock.api.dto;

/** A JPEG answer (a thumbnail, a snapshot): the edge sends the bytes as image/jpeg with this caching rule. */
public record JpegImage(byte[] jpeg, String cacheControl) implements Reply {
}
