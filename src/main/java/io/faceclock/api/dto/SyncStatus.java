package io.faceclock.api.dto;

import java.util.Map;

/** The guide's shape: {"success": true, "data": {"odoo": what the Odoo sync is doing}}. */
public record SyncStatus(boolean success, Data data) implements Reply {

    /** One entry per sync faceclock runs (Odoo for now). */
    public record Data(Map<String, Object> odoo) {
    }

    public SyncStatus(Map<String, Object> odoo) {
        this(true, new Data(odoo));
    }
}
