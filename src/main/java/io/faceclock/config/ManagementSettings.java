package io.faceclock.config;

/**
 * Where Camel's metrics are served: on faceclock's own port behind an admin or read key (port
 * null), or on a port of their own, without a key, at host (loopback unless said otherwise).
 */
public record ManagementSettings(Integer port, String host, String metricsPath) {

    static ManagementSettings read(Settings s) {
        return new ManagementSettings(s.get("faceclock.management.port") == null ? null
                : s.integer("faceclock.management.port"), s.text("faceclock.management.host"),
                s.text("camel.metrics.path"));
    }

    /** Whether metrics share faceclock's port (and need a key there). */
    public boolean shared() {
        return port == null;
    }
}
