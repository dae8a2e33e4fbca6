package io.faceclock.api;

import io.faceclock.security.ApiKey;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.spi.RestRegistry;
import org.apache.camel.support.PluginHelper;

/**
 * /session: what the web pages need to know about the key they were given (its name and scope), the
 * site's time zone, and which optional parts this server has, so a page never probes for a missing endpoint.
 */
public final class SessionApi {

    private final java.time.ZoneId zone;

    public SessionApi(java.time.ZoneId zone) {
        this.zone = zone;
    }

    public void get(Exchange ex) {
        ApiKey key = ApiRequest.of(ex).apiKey();
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("cameras", serves(ex, "/cameras"));
        features.put("unknown_faces", serves(ex, "/unknown-faces"));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key_name", key.name());
        data.put("scope", key.scope().wire());
        data.put("timezone", zone.getId());
        data.put("features", features);
        Responses.data(ex, data);
    }

    private static boolean serves(Exchange ex, String path) {
        RestRegistry registry = PluginHelper.getRestRegistry(ex.getContext());
        return registry.listAllRestServices().stream().anyMatch(s -> {
            String url = ((s.getBasePath() == null ? "" : s.getBasePath()) + (s.getUriTemplate() == null ? ""
                    : s.getUriTemplate())).replaceFirst("^/api/v1", "");
            return url.equals(path) || url.startsWith(path + "/") || url.startsWith(path + "?");
        });
    }
}
