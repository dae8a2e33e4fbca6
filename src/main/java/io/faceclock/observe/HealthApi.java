package io.faceclock.observe;

import io.faceclock.api.Responses;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/** /observe/health: UP (200) when Camel and every essential part are up, DOWN (503) otherwise. */
public final class HealthApi {

    private final List<HealthContributor> contributors = new CopyOnWriteArrayList<>();

    public void add(HealthContributor c) {
        contributors.add(c);
    }

    public void health(Exchange ex) {
        Map<String, Object> components = new LinkedHashMap<>();
        boolean up = camelUp(ex.getContext(), components);
        for (HealthContributor c : contributors) {
            Map<String, Object> result;
            try {
                result = c.check();
            } catch (RuntimeException e) {
                result = Map.of("status", "DOWN", "reason", String.valueOf(e.getMessage()));
            }
            components.put(c.name(), result);
            if (c.essential() && !"UP".equals(result.get("status"))) {
                up = false;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        Responses.write(ex, up ? 200 : 503, body);
    }

    private static boolean camelUp(CamelContext context, Map<String, Object> components) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(context);
        boolean up = context.isStarted();
        for (HealthCheck.Result r : results) {
            if (r.getState() == HealthCheck.State.DOWN) {
                up = false;
            }
        }
        components.put("camel", Map.of("status", up ? "UP" : "DOWN", "checks", results.size()));
        return up;
    }
}
