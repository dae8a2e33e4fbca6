package io.faceclock.observe;

import io.faceclock.api.ApiGuard;
import io.faceclock.api.ApiRequest;
import io.faceclock.api.Responses;
import io.faceclock.security.ClientAddress;
import io.faceclock.security.ObserverKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;

/**
 * /observe/health from Camel's health checks (its own and faceclock's {@link FaceclockHealthCheck}
 * beans): UP (200) when Camel and every essential part are up, DOWN (503) otherwise. Without a key
 * the answer is the status alone; with an admin or read key, each part's state and details.
 */
public final class HealthApi {

    private final ObserverKeys observers;
    private final Set<String> trustedProxies;

    public HealthApi(ObserverKeys observers, Set<String> trustedProxies) {
        this.observers = observers;
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public void health(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        String address = ClientAddress.of(req.remoteAddress(), req.header("X-Forwarded-For"), trustedProxies);
        boolean details = observers.access(req.header(ApiGuard.HEADER), address, "/observe/health").allowed();
        // "full": every result, not only the first UP or the DOWNs. Without details the optional
        // parts are not even asked: they cannot change the status, and probes come often.
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(ex.getContext(), check -> Map.of(),
                check -> !details && check instanceof FaceclockHealthCheck part && !part.essential(), "full");
        boolean up = ex.getContext().isStarted() && results.stream().noneMatch(HealthApi::downAndEssential);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        if (details) {
            body.put("components", components(results));
        }
        ex.getMessage().removeHeader(ApiGuard.HEADER);
        Responses.write(ex, up ? 200 : 503, body);
    }

    private static boolean downAndEssential(HealthCheck.Result r) {
        return r.getState() == HealthCheck.State.DOWN
                && (!(r.getCheck() instanceof FaceclockHealthCheck part) || part.essential());
    }

    private static Map<String, Object> components(Collection<HealthCheck.Result> results) {
        Map<String, Object> components = new LinkedHashMap<>();
        List<String> camelDown = new ArrayList<>();
        int camelChecks = 0;
        for (HealthCheck.Result r : results) {
            if (r.getCheck() instanceof FaceclockHealthCheck part) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("status", r.getState().name());
                r.getMessage().ifPresent(reason -> m.put("reason", reason));
                // Camel's own bookkeeping details have dotted names (check.id, invocation.count…)
                r.getDetails().forEach((k, v) -> {
                    if (!k.contains(".")) {
                        m.put(k, v);
                    }
                });
                m.put("essential", part.essential());
                components.put(part.getId(), m);
            } else {
                camelChecks++;
                if (r.getState() == HealthCheck.State.DOWN) {
                    camelDown.add(r.getCheck().getId());
                }
            }
        }
        Map<String, Object> camel = new LinkedHashMap<>();
        camel.put("status", camelDown.isEmpty() ? "UP" : "DOWN");
        camel.put("checks", camelChecks);
        if (!camelDown.isEmpty()) {
            camel.put("down", camelDown);
        }
        components.put("camel", camel);
        return components;
    }
}
