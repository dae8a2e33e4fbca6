package io.faceclock.observe;

import java.util.Map;

/** One part of faceclock that health reports on (database, face engine, Odoo…). */
public interface HealthContributor {

    String name();

    /** Whether faceclock is unhealthy while this part is down (the face engine is optional). */
    default boolean essential() {
        return true;
    }

    /** Details with at least "status": "UP" or "DOWN" (and "reason" when down). */
    Map<String, Object> check();
}
