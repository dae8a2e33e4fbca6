package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;

/** A pull: at most limit employees, full to re-read every one; one-off credentials optional; async true answers 202 with a job. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PullInput(String url, String db, String username, String password, Long limit, Boolean full, Boolean async) {

    public static PullInput from(JsonInput in) {
        Long limit = in.positiveLong("limit");
        Boolean full = in.bool("full");
        OdooCredentials c = OdooCredentials.read(in, false);
        return new PullInput(c.url(), c.db(), c.username(), c.password(), limit, full, in.bool("async"));
    }

    public OdooCredentials credentials() {
        return new OdooCredentials(url, db, username, password);
    }
}
