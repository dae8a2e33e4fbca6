package io.faceclock.api;

import io.faceclock.api.dto.SyncStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** /sync/status: the state of every sync faceclock runs (Odoo for now). */
public final class SyncApi {

    private volatile Supplier<Map<String, Object>> odooStatus = () -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", false);
        m.put("configured", false);
        m.put("status", "not_configured");
        return m;
    };

    public void setOdooStatus(Supplier<Map<String, Object>> odooStatus) {
        this.odooStatus = odooStatus;
    }

    public SyncStatus status() {
        return new SyncStatus(odooStatus.get());
    }
}
