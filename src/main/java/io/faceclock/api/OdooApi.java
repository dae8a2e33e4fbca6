package io.faceclock.api;

import io.faceclock.api.dto.OdooConfigReply;
import io.faceclock.api.dto.OdooConfigSaved;
import io.faceclock.api.dto.OdooConfigView;
import io.faceclock.api.dto.PullReply;
import io.faceclock.api.dto.PushReply;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.odoo.sync.PullResult;
import io.faceclock.odoo.sync.PushRange;
import io.faceclock.odoo.sync.PushResult;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/** /sync/odoo/*: configure, test, pull employees, push attendances. */
public final class OdooApi {

    private static final Set<String> CREDENTIALS = Set.of("url", "db", "username", "password");
    private static final Set<String> SAVE_FIELDS = Set.of("url", "db", "username", "password", "test");

    private final OdooSyncService sync;
    private final SiteClock clock;

    public OdooApi(OdooSyncService sync, SiteClock clock) {
        this.sync = sync;
        this.clock = clock;
    }

    public OdooConfigSaved saveConfig(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = JsonInput.of(req).onlyFields(SAVE_FIELDS, Set.of());
        OdooConfig config = credentials(in, true);
        sync.configs().connection(config);
        Boolean test = in.bool("test");
        Map<String, Object> tested = null;
        if (!Boolean.FALSE.equals(test)) {
            // a configuration that cannot work never replaces the saved one
            tested = sync.test(config);
            if (!Boolean.TRUE.equals(tested.get("success"))) {
                throw new ApiException(422, fieldAtFault(tested), "Not saved: " + tested.get("message"));
            }
        }
        sync.configs().save(config, req.actor());
        return new OdooConfigSaved(tested == null ? "Odoo configuration saved without a connection test"
                : "Odoo configuration tested and saved: " + tested.get("message"), OdooConfigView.of(config), tested);
    }

    public OdooConfigReply getConfig() {
        return new OdooConfigReply(sync.configured(), sync.configs().current().map(OdooConfigView::of).orElse(null));
    }

    public void test(Exchange ex) {
        OdooConfig given = optionalCredentials(ex, Set.of());
        Map<String, Object> result = sync.test(given);
        // a failed test is Odoo's failure, answered as a failed push is: 502 with the reason
        Responses.write(ex, Boolean.TRUE.equals(result.get("success")) ? 200 : 502, result);
    }

    public PullReply pull(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = bodyOrEmpty(req, Set.of("limit", "full"));
        Long limit = in == null ? null : in.positiveLong("limit");
        Boolean full = in == null ? null : in.bool("full");
        PullResult r = sync.pull(in == null ? null : credentials(in, false), limit == null ? null
                : (int) Math.min(limit, Integer.MAX_VALUE), Boolean.TRUE.equals(full));
        return PullReply.of(r);
    }

    public PushReply push(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = bodyOrEmpty(req, Set.of("start_date", "end_date"));
        LocalDate today = clock.today();
        String start = in == null ? null : in.text("start_date", false, 10);
        String end = in == null ? null : in.text("end_date", false, 10);
        PushRange range = PushRange.of(start == null ? null : clock.parseDate("start_date", start),
                end == null ? null : clock.parseDate("end_date", end), today);
        PushResult r = sync.push(in == null ? null : credentials(in, false), clock.startOf(range.from()),
                clock.startOf(range.to().plusDays(1)), true);
        return PushReply.of(r);
    }

    /** The credential a failed test points at, so the refusal names the field to fix. */
    private static String fieldAtFault(Map<String, Object> tested) {
        Object kind = tested.get("kind");
        if (kind == null) {
            return "username";   // connected, but the user lacks rights
        }
        return switch (String.valueOf(kind)) {
            case "AUTH_FAILED" -> "password";
            case "UNKNOWN_DATABASE" -> "db";
            default -> "url";
        };
    }

    private OdooConfig optionalCredentials(Exchange ex, Set<String> extra) {
        JsonInput in = bodyOrEmpty(ApiRequest.of(ex), extra);
        return in == null ? null : credentials(in, false);
    }

    /** The body, or null when there is none (a bare POST means "use the saved configuration"). */
    private static JsonInput bodyOrEmpty(ApiRequest req, Set<String> extra) {
        if (req.body().isBlank()) {
            return null;
        }
        Set<String> allowed = new java.util.HashSet<>(CREDENTIALS);
        allowed.addAll(extra);
        return JsonInput.of(req).onlyFields(allowed, Set.of());
    }

    /** All four credential fields, or (when optional) none of them. */
    private static OdooConfig credentials(JsonInput in, boolean required) {
        boolean any = CREDENTIALS.stream().anyMatch(f -> in.has(f) && !in.isNull(f));
        if (!required && !any) {
            return null;
        }
        String url = in.text("url", true, 500);
        if (!url.matches("(?i)https?://.+")) {
            throw new InvalidInputException("url", "url must start with http:// or https://");
        }
        String password = in.has("password") && !in.isNull("password") ? in.node().get("password").asText() : null;
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException("password", "password is required (an Odoo password or API key)");
        }
        if (password.length() > 500) {
            throw new InvalidInputException("password", "password is longer than 500 characters");
        }
        return new OdooConfig(url, in.text("db", true, 200), in.text("username", true, 200), password, "given");
    }
}
