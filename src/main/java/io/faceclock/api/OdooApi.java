package io.faceclock.api;

import io.faceclock.api.dto.OdooConfigInput;
import io.faceclock.api.dto.OdooConfigReply;
import io.faceclock.api.dto.OdooConfigSaved;
import io.faceclock.api.dto.OdooCredentials;
import io.faceclock.api.dto.OdooTestReply;
import io.faceclock.api.dto.OdooConfigView;
import io.faceclock.api.dto.PullInput;
import io.faceclock.api.dto.PullReply;
import io.faceclock.api.dto.PushInput;
import io.faceclock.api.dto.PushReply;
import io.faceclock.api.dto.Reply;
import io.faceclock.api.dto.SyncJobReply;
import io.faceclock.api.dto.SyncJobStarted;
import io.faceclock.api.dto.SyncJobView;
import io.faceclock.attendance.SiteClock;
import io.faceclock.errors.NotFoundException;
import io.faceclock.odoo.sync.ConnectionTest;
import io.faceclock.odoo.sync.OdooConfig;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.odoo.sync.Progress;
import io.faceclock.odoo.sync.PushRange;
import io.faceclock.odoo.sync.SyncJobs;
import io.faceclock.security.ApiKey;
import java.time.LocalDate;
import java.util.function.Function;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;

/** /sync/odoo/*: configure, test, pull employees, push attendances. */
public final class OdooApi {

    private final OdooSyncService sync;
    private final SiteClock clock;

    private final SyncJobs jobs;

    public OdooApi(OdooSyncService sync, SiteClock clock, SyncJobs jobs) {
        this.sync = sync;
        this.clock = clock;
        this.jobs = jobs;
    }

    public OdooConfigSaved saveConfig(OdooConfigInput input, @ExchangeProperty(ApiRequest.API_KEY_PROPERTY) ApiKey key) {
        OdooConfig config = input.config();
        sync.configs().connection(config);
        ConnectionTest tested = null;
        if (!Boolean.FALSE.equals(input.test())) {
            // a configuration that cannot work never replaces the saved one
            tested = sync.test(config);
            if (!tested.success()) {
                throw new ApiException(422, fieldAtFault(tested), "Not saved: " + tested.message());
            }
        }
        sync.configs().save(config, ApiRequest.actor(key));
        return new OdooConfigSaved(tested == null ? "Odoo configuration saved without a connection test"
                : "Odoo configuration tested and saved: " + tested.message(), OdooConfigView.of(config),
                tested == null ? null : OdooTestReply.of(tested));
    }

    public OdooConfigReply getConfig() {
        return new OdooConfigReply(sync.configured(), sync.configs().current().map(OdooConfigView::of).orElse(null));
    }

    /** Tests the given credentials, or the saved ones when none are given. */
    public OdooTestReply test(OdooCredentials given) {
        return OdooTestReply.of(sync.test(given.config()));
    }

    /** Pulls employees; with "async": true answers 202 with a job to poll instead of waiting. */
    public Reply pull(PullInput input) {
        Integer max = input.limit() == null ? null : (int) Math.min(input.limit(), Integer.MAX_VALUE);
        OdooConfig given = input.credentials().config();
        return run(input.async(), "pull", p -> PullReply.of(sync.pull(given, max, Boolean.TRUE.equals(input.full()), p)));
    }

    /** Pushes attendances; with "async": true answers 202 with a job to poll instead of waiting. */
    public Reply push(PushInput input) {
        LocalDate today = clock.today();
        PushRange range = PushRange.of(input.startDate() == null ? null : clock.parseDate("start_date", input.startDate()),
                input.endDate() == null ? null : clock.parseDate("end_date", input.endDate()), today);
        OdooConfig given = input.credentials().config();
        return run(input.async(), "push", p -> PushReply.of(sync.push(given, clock.startOf(range.from()),
                clock.startOf(range.to().plusDays(1)), true, p)));
    }

    /** GET /sync/jobs/{id}: state, done, total and, once finished, what the synchronous call answers. */
    public SyncJobReply job(@Header("id") String idParam) {
        String id = Params.path("id", idParam);
        SyncJobs.Job job = jobs.find(id).orElseThrow(() -> new NotFoundException("id", "No sync job "
                + Texts.clip(id) + " (the latest hundred jobs are kept until a restart)"));
        return new SyncJobReply(view(job));
    }

    private Reply run(Boolean async, String kind, Function<Progress, Reply> work) {
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
}
