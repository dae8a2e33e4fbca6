package io.faceclock.api.dto;

/** Whether Odoo is configured, and the configuration (null when it is not). */
public record OdooConfigReply(boolean success, boolean configured, OdooConfigView config) implements Reply {
    public OdooConfigReply(boolean configured, OdooConfigView config) {
        this(true, configured, config);
    }
}
