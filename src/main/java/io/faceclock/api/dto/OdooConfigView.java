package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.faceclock.odoo.sync.OdooConfig;

/** The Odoo configuration as the API shows it: the password always masked; source says where it came from. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record OdooConfigView(String url, String db, String username, String password, String source) {

    public static OdooConfigView of(OdooConfig c) {
        return new OdooConfigView(c.url(), c.db(), c.username(), OdooConfig.MASK, c.source());
    }
}
