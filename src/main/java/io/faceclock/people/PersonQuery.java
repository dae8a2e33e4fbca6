package io.faceclock.people;

/** Filters for listing people; null means "any". */
public record PersonQuery(String text, Boolean active, String department, int limit, int offset) {
}
