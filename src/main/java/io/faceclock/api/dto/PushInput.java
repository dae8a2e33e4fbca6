package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;

/** A push of the site days start_date..end_date (default: the last 7 days); one-off credentials optional; async true answers 202 with a job. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PushInput(String url, String db, String username, String password, String startDate, String endDate, Boolean async) {

    public static PushInput from(JsonInput in) {
        String start = in.text("start_date", false, 10);
        String end = in.text("end_date", false, 10);
        OdooCredentials c = OdooCredentials.read(in, false);
        return new PushInput(c.url(), c.db(), c.username(), c.password(), start, end, in.bool("async"));
    }

    public OdooCredentials credentials() {
        return new OdooCredentials(url, db, username, password);
    }
}
