package io.faceclock.api.dto;

/** 201 {"success": true, "data": the new person, "message"}. */
public record PersonCreated(boolean success, PersonView data, String message) implements Reply {
    public PersonCreated(PersonView data) {
        this(true, data, "Person " + data.personId() + " created");
    }

    @Override
    public int status() {
        return 201;
    }
}
