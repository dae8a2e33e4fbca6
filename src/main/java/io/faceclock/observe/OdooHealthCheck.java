package io.faceclock.observe;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Odoo as the last sync left it, without calling Odoo (probes come often). Optional: while Odoo is
 * away punches wait in the outbox, so faceclock stays healthy; the details say it is DOWN and why.
 */
public final class OdooHealthCheck extends FaceclockHealthCheck {

    private final Supplier<Map<String, Object>> status;

    /** status: the odoo block of /sync/status. */
    public OdooHealthCheck(Supplier<Map<String, Object>> status) {
        super("odoo", false);
        this.status = status;
    }

    @Override
    protected void check(HealthCheckResultBuilder builder) {
        Map<String, Object> s = status.get();
        builder.detail("configured", s.get("configured"));
        if (!Boolean.TRUE.equals(s.get("configured"))) {
            builder.up();
            return;
        }
        builder.detail("sync", s.get("last_sync_status"));
        builder.detail("outbox_depth", s.get("outbox_depth"));
        if (s.get("last_sync") != null) {
            builder.detail("last_sync", s.get("last_sync"));
        }
        if ("error".equals(s.get("last_sync_status"))) {
            builder.down().message(String.valueOf(s.get("last_error")));
        } else {
            builder.up();
        }
    }
}
