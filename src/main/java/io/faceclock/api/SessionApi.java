package io.faceclock.api;

import io.faceclock.api.dto.SessionReply;
import io.faceclock.security.ApiKey;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.spi.RestRegistry;
import org.apache.camel.support.PluginHelper;

/**
 * /session: what the web pages need to know about the key they were given (its name and scope), the
 * site's time zone, and which optional parts this server has, so a page never probes for a missing endpoint.
 */
public final class SessionApi {

    private final ZoneId zone;

    public SessionApi(ZoneId zone) {
        this.zone = zone;
    }

    public SessionReply get(@ExchangeProperty(ApiRequest.API_KEY_PROPERTY) ApiKey key, CamelContext camel) {
        Map<String, Boolean> features = new LinkedHashMap<>();
        features.put("cameras", serves(camel, "/cameras"));
        features.put("unknown_faces", serves(camel, "/unknown-faces"));
        return new SessionReply(new SessionReply.Data(key.name(), key.scope().wire(), zone.getId(), features));
    }

    private static boolean serves(CamelContext camel, String path) {
        RestRegistry registry = PluginHelper.getRestRegistry(camel);
        return registry.listAllRestServices().stream().anyMatch(s -> {
            String url = ((s.getBasePath() == null ? "" : s.getBasePath()) + (s.getUriTemplate() == null ? ""
                    : s.getUriTemplate())).replaceFirst("^/api/v1", "");
            return url.equals(path) || url.startsWith(path + "/") || url.startsWith(path + "?");
        });
    }
}
