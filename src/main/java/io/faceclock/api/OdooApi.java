package io.faceclock.api;

import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.odoo.sync.PullResult;
import io.faceclock.odoo.sync.PushResult;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

    public void saveConfig(Exchange ex) {
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
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", tested == null ? "Odoo configuration saved without a connection test"
                : "Odoo configuration tested and saved: " + tested.get("message"));
        body.put("config", masked(config));
        if (tested != null) {
            body.put("test", tested);
        }
        Responses.ok(ex, body);
    }

    public void getConfig(Exchange ex) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configured", sync.configured());
        body.put("config", sync.configs().current().map(OdooApi::masked).orElse(null));
        Responses.ok(ex, body);
    }

    public void test(Exchange ex) {
        OdooConfig given = optionalCredentials(ex, Set.of());
        Map<String, Object> result = sync.test(given);
        Responses.write(ex, 200, result);
    }

    public void pull(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = bodyOrEmpty(req, Set.of("limit", "full"));
        Long limit = in == null ? null : in.positiveLong("limit");
        Boolean full = in == null ? null : in.bool("full");
        PullResult r = sync.pull(in == null ? null : credentials(in, false), limit == null ? null
                : (int) Math.min(limit, Integer.MAX_VALUE), Boolean.TRUE.equals(full));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("message", r.message());
        body.put("added", r.added());
        body.put("updated", r.updated());
        body.put("deactivated", r.deactivated());
        body.put("total", r.total());
        body.put("rekeyed", r.rekeyed());
        body.put("errors", r.errors());
        Responses.write(ex, 200, body);
    }

    public void push(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = bodyOrEmpty(req, Set.of("start_date", "end_date"));
        LocalDate today = clock.today();
        String start = in == null ? null : in.text("start_date", false, 10);
        String end = in == null ? null : in.text("end_date", false, 10);
        LocalDate from = start == null ? today.minusDays(7) : clock.parseDate("start_date", start);
        LocalDate to = end == null ? today : clock.parseDate("end_date", end);
        if (to.isBefore(from)) {
            throw new InvalidInputException("end_date", "end_date " + to + " is before start_date " + from);
        }
        PushResult r = sync.push(in == null ? null : credentials(in, false), clock.startOf(from),
                clock.startOf(to.plusDays(1)), true);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", r.abortedBy() == null);
        body.put("message", r.message());
        body.put("pushed", r.pushed());
        body.put("updated", r.updated());
        body.put("unchanged", r.unchanged());
        body.put("failed", r.failed());
        body.put("conflicts", r.conflicts());
        body.put("total", r.total());
        body.put("errors", r.errors());
        if (r.abortedBy() != null) {
            body.put("error", r.abortedBy());
        }
        Responses.write(ex, r.abortedBy() == null ? 200 : 502, body);
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

    private static Map<String, Object> masked(OdooConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", c.url());
        m.put("db", c.db());
        m.put("username", c.username());
        m.put("password", OdooConfig.MASK);
        m.put("source", c.source());
        return m;
    }
}
