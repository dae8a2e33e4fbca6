package io.faceclock.api.dto;

/** {"success": true, "data": a person}. */
public record PersonReply(boolean success, PersonView data) implements Reply {
    public PersonReply(PersonView data) {
        this(true, data);
    }
}
