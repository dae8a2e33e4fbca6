package io.faceclock.api.dto;

import java.util.Map;

/** GET /session: the calling key and the server's optional parts. */
public record SessionReply(boolean success, Data data) implements Reply {

    public SessionReply(Data data) {
        this(true, data);
    }

    /** features: cameras and unknown_faces, true when this server serves them. */
    public record Data(String key_name, String scope, String timezone, Map<String, Boolean> features) {
    }
}
