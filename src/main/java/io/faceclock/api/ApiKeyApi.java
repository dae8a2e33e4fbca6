package io.faceclock.api;

import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.security.ApiKey;
import io.faceclock.security.ApiKeys;
import io.faceclock.security.NewApiKey;
import io.faceclock.security.Scope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** /apikeys (admin only): list, create (the key's text is shown this once), revoke. */
public final class ApiKeyApi {

    private final ApiKeys keys;
    private final SiteClock clock;

    public ApiKeyApi(ApiKeys keys, SiteClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public void list(Exchange ex) {
        Responses.data(ex, keys.list().stream().map(this::json).toList());
    }

    public void create(Exchange ex) {
        JsonInput in = JsonInput.of(ApiRequest.of(ex)).onlyFields(Set.of("name", "scope"), Set.of());
        String name = in.text("name", true, 100);
        String scopeText = in.text("scope", true, 16);
        Scope scope = Scope.parse(scopeText).orElseThrow(() -> new InvalidInputException("scope",
                "scope must be admin, read or kiosk; got '" + Texts.clip(scopeText) + "'"));
        NewApiKey created = keys.create(name, scope);
        Map<String, Object> data = json(created.key());
        data.put("key", created.secret());
        Responses.created(ex, Map.of("data", data, "message", "Store this key now: it is not shown again"));
    }

    public void revoke(Exchange ex) {
        long id = ApiRequest.of(ex).pathLong("id");
        if (!keys.revoke(id)) {
            throw new NotFoundException("id", "No live API key with id " + id);
        }
        Responses.ok(ex, Map.of("message", "API key " + id + " revoked"));
    }

    private Map<String, Object> json(ApiKey k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", k.id());
        m.put("name", k.name());
        m.put("scope", k.scope().wire());
        m.put("prefix", k.prefix());
        m.put("created_at", clock.format(k.createdAt()));
        m.put("last_used_at", clock.format(k.lastUsedAt()));
        m.put("revoked_at", clock.format(k.revokedAt()));
        return m;
    }
}
