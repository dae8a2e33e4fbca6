package io.faceclock.api.dto;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The configuration just saved, password masked, with what the connection test found (none with "test": false). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OdooConfigSaved(boolean success, String message, OdooConfigView config, OdooTestReply test)
        implements Reply {
    public OdooConfigSaved(String message, OdooConfigView config, OdooTestReply test) {
        this(true, message, config, test);
    }
}
