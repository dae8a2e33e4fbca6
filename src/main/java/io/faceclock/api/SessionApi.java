package io.faceclock.api;

import io.faceclock.api.dto.SessionReply;
import io.faceclock.security.ApiKey;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ExchangeProperty;

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
        features.put("cameras", RestRoutes.servesUnder(camel, "/cameras"));
        features.put("unknown_faces", RestRoutes.servesUnder(camel, "/unknown-faces"));
        return new SessionReply(new SessionReply.Data(key.name(), key.scope().wire(), zone.getId(), features));
    }
}
