package io.faceclock.api.dto;

/** GET /sync/jobs/{id}: the job as it stands. */
public record SyncJobReply(boolean success, SyncJobView data) implements Reply {
    public SyncJobReply(SyncJobView data) {
        this(true, data);
    }
}
