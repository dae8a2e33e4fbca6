package io.faceclock.store;

import java.util.List;

/** One page of a listing and how many rows the whole listing has. */
public record Page<T>(List<T> rows, long total) {
}
