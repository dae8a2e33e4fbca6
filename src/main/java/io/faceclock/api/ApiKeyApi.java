package io.faceclock.api;

import io.faceclock.api.dto.ApiKeyCreated;
import io.faceclock.api.dto.ApiKeyInput;
import io.faceclock.api.dto.ApiKeyList;
import io.faceclock.api.dto.ApiKeyView;
import io.faceclock.api.dto.Done;
import io.faceclock.api.dto.NewApiKeyView;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.security.ApiKeys;
import io.faceclock.security.Scope;
import org.apache.camel.Header;

/** /apikeys (admin only): list, create (the key's text is shown this once), revoke. */
public final class ApiKeyApi {

    private final ApiKeys keys;
    private final SiteClock clock;

    public ApiKeyApi(ApiKeys keys, SiteClock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public ApiKeyList list() {
        return new ApiKeyList(keys.list().stream().map(k -> ApiKeyView.of(k, clock)).toList());
    }

    public ApiKeyCreated create(ApiKeyInput input) {
        Scope scope = Scope.parse(input.scope()).orElseThrow(() -> new InvalidInputException("scope",
                "scope must be admin, read or kiosk; got '" + Texts.clip(input.scope()) + "'"));
        return new ApiKeyCreated(NewApiKeyView.of(keys.create(input.name(), scope), clock));
    }

    public Done revoke(@Header("id") String idParam) {
        long id = Params.pathLong("id", idParam);
        if (!keys.revoke(id)) {
            throw new NotFoundException("id", "No live API key with id " + id);
        }
        return new Done("API key " + id + " revoked");
    }
}
