package io.faceclock.observe;

import java.util.Map;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * One part of faceclock in Camel's health checks (group "faceclock"). An optional part (the face
 * engine, Odoo) shows DOWN in the details without making faceclock unhealthy: without it
 * faceclock still records and queues everything.
 */
public abstract class FaceclockHealthCheck extends AbstractHealthCheck {

    private final boolean essential;

    protected FaceclockHealthCheck(String id, boolean essential) {
        super("faceclock", id);
        this.essential = essential;
    }

    public boolean essential() {
        return essential;
    }

    @Override
    protected final void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        try {
            check(builder);
        } catch (RuntimeException e) {
            builder.down().message(String.valueOf(e.getMessage()));
        }
    }

    /** Sets up or down, a message saying why when down, and details (plain names, no dots). */
    protected abstract void check(HealthCheckResultBuilder builder);
}
