package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.api.JsonInput;
import io.faceclock.odoo.sync.OdooConfig;

/** A configuration to save: tested first unless test is false; one that fails the test is not saved. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OdooConfigInput(String url, String db, String username, String password, Boolean test) {

    public static OdooConfigInput from(JsonInput in) {
        OdooCredentials c = OdooCredentials.read(in, true);
        return new OdooConfigInput(c.url(), c.db(), c.username(), c.password(), in.bool("test"));
    }

    public OdooConfig config() {
        return new OdooCredentials(url, db, username, password).config();
    }
}
