package io.faceclock.api.dto;

import java.util.List;

/** A page of people: data, the total that match, and the page asked for. */
public record PersonPage(boolean success, List<PersonView> data, long total, int limit, int offset) implements Reply {
    public PersonPage(List<PersonView> data, long total, int limit, int offset) {
        this(true, data, total, limit, offset);
    }
}
