package io.faceclock.app;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

/**
 * When each scheduled route fires next, asked of the Quartz scheduler itself: a route replaced by
 * a user's own (another cron, another zone) shows its real next run. A route that is not running
 * on a Quartz trigger has none (null).
 */
final class QuartzNextRuns {

    private final CamelContext camel;
    private final Map<String, String> routes;

    /** routes: route id to the name shown for it. */
    QuartzNextRuns(CamelContext camel, Map<String, String> routes) {
        this.camel = camel;
        this.routes = routes;
    }

    Map<String, Instant> nextRuns() {
        Map<String, Instant> next = new LinkedHashMap<>();
        routes.forEach((routeId, name) -> next.put(name, nextRun(camel.getRoute(routeId))));
        return next;
    }

    private static Instant nextRun(Route route) {
        if (route == null || !(route.getEndpoint() instanceof QuartzEndpoint quartz)
                || quartz.getTriggerKey() == null) {
            return null;
        }
        try {
            Trigger trigger = quartz.getComponent().getScheduler().getTrigger(quartz.getTriggerKey());
            Date at = trigger == null ? null : trigger.getNextFireTime();
            return at == null ? null : at.toInstant();
        } catch (SchedulerException e) {
            return null;
        }
    }
}
