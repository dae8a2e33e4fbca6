package io.faceclock.api;

import io.faceclock.api.dto.OdooConfigReply;
import io.faceclock.api.dto.OdooConfigSaved;
import io.faceclock.api.dto.OdooTestReply;
import io.faceclock.api.dto.OdooConfigView;
import io.faceclock.api.dto.PullReply;
import io.faceclock.api.dto.PushReply;
import io.faceclock.api.dto.Reply;
import io.faceclock.api.dto.SyncJobReply;
import io.faceclock.api.dto.SyncJobStarted;
import io.faceclock.api.dto.SyncJobView;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.InvalidInputException;
import io.faceclock.errors.NotFoundException;
import io.faceclock.odoo.sync.ConnectionTest;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.odoo.sync.Progress;
import io.faceclock.odoo.sync.PushRange;
import io.faceclock.odoo.sync.SyncJobs;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.Header;

/** /sync/odoo/*: configure, test, pull employees, push attendances. */
public final class OdooApi {

    private static final Set<String> CREDENTIALS = Set.of("url", "db", "username", "password");
    private static final Set<String> SAVE_FIELDS = Set.of("url", "db", "username", "password", "test");

    private final OdooSyncService sync;
    private final SiteClock clock;

    private final SyncJobs jobs;

    public OdooApi(OdooSyncService sync, SiteClock clock, SyncJobs jobs) {
        this.sync = sync;
        this.clock = clock;
        this.jobs = jobs;
    }

    public OdooConfigSaved saveConfig(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = JsonInput.of(req).onlyFields(SAVE_FIELDS, Set.of());
        OdooConfig config = credentials(in, true);
        sync.configs().connection(config);
        Boolean test = in.bool("test");
        ConnectionTest tested = null;
        if (!Boolean.FALSE.equals(test)) {
            // a configuration that cannot work never replaces the saved one
            tested = sync.test(config);
            if (!tested.success()) {
                throw new ApiException(422, fieldAtFault(tested), "Not saved: " + tested.message());
            }
        }
        sync.configs().save(config, req.actor());
        return new OdooConfigSaved(tested == null ? "Odoo configuration saved without a connection test"
                : "Odoo configuration tested and saved: " + tested.message(), OdooConfigView.of(config),
                tested == null ? null : OdooTestReply.of(tested));
    }

    public OdooConfigReply getConfig() {
        return new OdooConfigReply(sync.configured(), sync.configs().current().map(OdooConfigView::of).orElse(null));
    }

    public OdooTestReply test(Exchange ex) {
        return OdooTestReply.of(sync.test(optionalCredentials(ex, Set.of())));
    }

    /** Pulls employees; with "async": true answers 202 with a job to poll instead of waiting. */
    public Reply pull(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = bodyOrEmpty(req, Set.of("limit", "full", "async"));
        Long limit = in == null ? null : in.positiveLong("limit");
        Boolean full = in == null ? null : in.bool("full");
        OdooConfig given = in == null ? null : credentials(in, false);
        Integer max = limit == null ? null : (int) Math.min(limit, Integer.MAX_VALUE);
        return run(in, "pull", p -> PullReply.of(sync.pull(given, max, Boolean.TRUE.equals(full), p)));
    }

    /** Pushes attendances; with "async": true answers 202 with a job to poll instead of waiting. */
    public Reply push(Exchange ex) {
        ApiRequest req = ApiRequest.of(ex);
        JsonInput in = bodyOrEmpty(req, Set.of("start_date", "end_date", "async"));
        LocalDate today = clock.today();
        String start = in == null ? null : in.text("start_date", false, 10);
        String end = in == null ? null : in.text("end_date", false, 10);
        PushRange range = PushRange.of(start == null ? null : clock.parseDate("start_date", start),
                end == null ? null : clock.parseDate("end_date", end), today);
        OdooConfig given = in == null ? null : credentials(in, false);
        return run(in, "push", p -> PushReply.of(sync.push(given, clock.startOf(range.from()),
                clock.startOf(range.to().plusDays(1)), true, p)));
    }

    /** GET /sync/jobs/{id}: state, done, total and, once finished, what the synchronous call answers. */
    public SyncJobReply job(@Header("id") String idParam) {
        String id = Params.path("id", idParam);
        SyncJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("id", "No sync job "
                + Texts.clip(id) + " (the latest hundred jobs are kept until a restart)"));
        return new SyncJobReply(view(job));
    }

    private Reply run(JsonInput in, String kind, Function<Progress, Reply> work) {
        Boolean async = in == null ? null : in.bool("async");
        if (Boolean.TRUE.equals(async)) {
            SyncJobs.Job job = jobs.start(kind, work);
            return new SyncJobStarted("The " + kind + " has started; follow it at /api/v1/sync/jobs/" + job.id(),
                    job.id(), view(job));
        }
        return jobs.run(kind, work);
    }

    private SyncJobView view(SyncJobs.Job job) {
        SyncJobs.State state = job.state();
        Integer status = null;
        Object result = null;
        if (state == SyncJobs.State.SUCCEEDED) {
            Reply r = (Reply) job.result();
            status = r.status();
            result = r;
        } else if (state == SyncJobs.State.FAILED) {
            ApiErrors.Answer a = ApiErrors.answer(job.failure(), "sync job " + job.id() + " (" + job.kind() + ")");
            status = a.status();
            result = a.body();
        }
        return new SyncJobView(job.id(), job.kind(), state.wire(), job.progress().done(), job.progress().total(),
                clock.format(job.startedAt()), clock.format(job.finishedAt()), status, result);
    }

    /** The credential a failed test points at, so the refusal names the field to fix. */
    private static String fieldAtFault(ConnectionTest tested) {
        if (tested.kind() == null) {
            return "username";   // connected, but the user lacks rights
        }
        return switch (tested.kind()) {
            case AUTH_FAILED -> "password";
            case UNKNOWN_DATABASE -> "db";
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
