package io.faceclock.odoo.sync;

import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.audit.LogLevel;
import io.faceclock.errors.ConflictException;
import io.faceclock.errors.UpstreamException;
import io.faceclock.odoo.OdooClient;
import io.faceclock.odoo.OdooClients;
import io.faceclock.odoo.OdooException;
import io.faceclock.odoo.OdooProtocol;
import io.faceclock.odoo.ServerVersion;
import io.faceclock.odoo.UserInfo;
import io.faceclock.odoo.sync.AttendancePush.Outcome;
import io.faceclock.store.Jdbc;
import io.faceclock.store.LeaseStore;
import io.faceclock.store.ScheduleRunStore;
import io.faceclock.store.PersonStore;
import io.faceclock.store.SettingStore;
import io.faceclock.store.SyncStore;
import io.faceclock.store.SyncStore.OutboxRow;
import io.faceclock.store.SyncStore.SyncItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;


/**
 * The Odoo sync as operators see it: test a connection, pull employees, push attendances, drain
 * the outbox. One push runs at a time (a manual push and the outbox drain never race to create
 * the same record), and every run leaves an odoo_sync entry in the audit log.
 */
public final class OdooSyncService {

    private static final String LAST_PULL_WRITE_DATE = "odoo.pull.since";
    private static final String LAST_SYNC = "odoo.last_sync";
    private static final String LAST_MESSAGE = "odoo.last_sync_message";
    private static final String LAST_ERROR = "odoo.last_error";
    private static final String STATUS = "odoo.status";
    /** "19.0 json2": the server and transport of the last contact with the saved configuration. */
    private static final String SEEN = "odoo.server_transport";

    private final OdooConfigService configs;
    private final SettingStore settings;
    private final SyncStore syncStore;
    private final EmployeePull pull;
    private final AttendancePush push;
    private final AuditLog audit;
    private final Clock clock;
    private final SiteClock site;
    private final OdooProtocol protocol;
    private final PushLease lease;
    private final OutboxClaims claims;
    private final ScheduleRunStore scheduleRuns;
    private final ReentrantLock pullLock = new ReentrantLock();
    private final ReentrantLock pushLock = new ReentrantLock();

    OdooSyncService(OdooConfigService configs, SettingStore settings, SyncStore syncStore, EmployeePull pull,
                    AttendancePush push, PushLease lease, ScheduleRunStore scheduleRuns, AuditLog audit,
                    Clock clock, SiteClock site, OdooProtocol protocol) {
        this.configs = configs;
        this.settings = settings;
        this.syncStore = syncStore;
        this.pull = pull;
        this.push = push;
        this.lease = lease;
        this.claims = new OutboxClaims(syncStore, lease, clock);
        this.scheduleRuns = scheduleRuns;
        this.audit = audit;
        this.clock = clock;
        this.site = site;
        this.protocol = protocol;
    }

    /** The service with its pull and push over the given stores. */
    public static OdooSyncService create(OdooConfigService configs, SettingStore settings, SyncStore syncStore,
                                         Jdbc jdbc, PersonStore persons, PushLease lease, AuditLog audit,
                                         Clock clock, SiteClock site, OdooProtocol protocol) {
        return new OdooSyncService(configs, settings, syncStore, new EmployeePull(jdbc, persons, clock),
                new AttendancePush(syncStore, new EmployeeLinks(jdbc), new PunchModes(jdbc), clock), lease,
                new ScheduleRunStore(jdbc), audit, clock, site, protocol);
    }

    /** At start: the push lease and outbox claims a dead process of this node left behind. */
    public void clearOwnStale() {
        lease.clearOwnStale();
        claims.clearOwnStale();
    }

    public OdooConfigService configs() {
        return configs;
    }

    public boolean configured() {
        return configs.current().isPresent();
    }

    /** Connects with the given configuration (or the saved one) and says what that user may do. */
    public ConnectionTest test(OdooConfig given) {
        OdooConfig config = given != null ? given : requireConfig();
        try {
            OdooClient client = client(config);
            ServerVersion v = client.serverVersion();
            String warning = OdooProtocol.deprecationWarning(client.transport(), v, protocol);
            int uid = client.authenticate();
            UserInfo user = client.currentUser();
            boolean seesBadges = client.fieldsGet(EmployeePull.MODEL).containsKey("barcode");
            boolean readEmployees = seesBadges && client.checkAccessRights("hr.employee", "read");
            boolean createAttendances = client.checkAccessRights("hr.attendance", "create");
            List<String> missing = new ArrayList<>();
            if (!readEmployees) {
                missing.add("Employees / Officer");
            }
            if (!createAttendances) {
                missing.add("Attendances / Officer");
            }
            boolean ok = missing.isEmpty();
            String message = "Connected to Odoo " + v.serverVersion() + " over " + transportName(client.transport())
                    + " as " + user.name() + (ok ? "" : missingRights(user.name(), seesBadges, readEmployees, createAttendances, missing));
            if (given == null) {
                remember(client);
            }
            log(ok ? LogLevel.INFO : LogLevel.WARNING, "Connection test to " + config.url() + (ok ? " succeeded"
                    : " found missing rights: " + String.join(", ", missing)), Map.of("url", config.url(),
                    "server_version", v.serverVersion(), "uid", uid));
            return new ConnectionTest(ok, message, null, v.serverVersion(), v.protocolVersion(), client.transport(),
                    warning, uid, user.name(), readEmployees, seesBadges, createAttendances, List.copyOf(missing));
        } catch (OdooException e) {
            log(LogLevel.WARNING, "Connection test to " + config.url() + " failed: " + e.getMessage(),
                    Map.of("url", config.url(), "kind", e.kind().name()));
            return ConnectionTest.failed(e);
        }
    }

    public PullResult pull(OdooConfig given, Integer limit, boolean full) {
        return pull(given, limit, full, Progress.unwatched());
    }

    /** A pull whose progress (employees read out of those Odoo counts) someone watches. */
    public PullResult pull(OdooConfig given, Integer limit, boolean full, Progress progress) {
        OdooConfig config = given != null ? checkSameOdoo(given) : requireConfig();
        if (!pullLock.tryLock()) {
            throw new ConflictException(null, "A pull from Odoo is already running");
        }
        try {
            PullResult result = new PullResult();
            Instant since = full ? null : settings.get(LAST_PULL_WRITE_DATE).map(Instant::parse).orElse(null);
            try {
                OdooClient client = client(config);
                Instant newest = pull.pull(client, since, limit, result, progress);
                if (newest != null && limit == null && given == null) {
                    settings.put(LAST_PULL_WRITE_DATE, newest.toString(), clock.instant());
                }
                if (given == null) {
                    remember(client);
                    finish("ok", result.message(), null);
                }
                log(result.errors().isEmpty() ? LogLevel.INFO : LogLevel.WARNING, result.message(),
                        Map.of("added", result.added(), "updated", result.updated(), "deactivated",
                                result.deactivated(), "total", result.total(), "full", full,
                                "errors", result.errors()));
            } catch (OdooException e) {
                if (given == null) {
                    finish("error", "Pull failed: " + e.getMessage(), e.getMessage());
                }
                log(LogLevel.ERROR, "Pull from Odoo failed: " + e.getMessage(), Map.of("kind", e.kind().name(),
                        "added", result.added(), "updated", result.updated()));
                throw new UpstreamException("Pull from Odoo failed: " + e.getMessage());
            }
            return result;
        } finally {
            pullLock.unlock();
        }
    }

    /**
     * Pushes every attendance whose check-in lies in [from, to). Records that failed before and have
     * not changed are tried again only when retryFailed (a person asked; not the nightly run).
     */
    public PushResult push(OdooConfig given, Instant from, Instant to, boolean retryFailed) {
        return push(given, from, to, retryFailed, Progress.unwatched());
    }

    /** A push whose progress (records sent out of those in the range) someone watches. */
    public PushResult push(OdooConfig given, Instant from, Instant to, boolean retryFailed, Progress progress) {
        OdooConfig config = given != null ? checkSameOdoo(given) : requireConfig();
        pushLock.lock();
        try (PushLease.Hold held = awaitLease()) {
            PushResult result = new PushResult();
            // read before the records: a change made meanwhile has a newer change_no and keeps its row
            List<OutboxRow> queued = syncStore.queuedInRange(from, to);
            List<SyncItem> inRange = syncStore.inRange(from, to);
            try (OutboxClaims.Claim claim = claims.claimFor(inRange.stream().map(SyncItem::attendanceId).toList())) {
                // what another node's outbox drain is sending right now is left to it
                List<SyncItem> items = inRange.stream().filter(i -> !claim.busy().contains(i.attendanceId())).toList();
                OdooClient client = client(config);
                Map<Long, Outcome> outcomes = push.push(client, items, result, retryFailed, progress);
                for (OutboxRow row : queued) {
                    if (outcomes.containsKey(row.attendanceId()) && !claim.busy().contains(row.attendanceId())) {
                        syncStore.done(row); // sent by this push: the drain has nothing left to do for it
                    }
                }
                if (given == null && result.abortedBy() == null) {
                    remember(client);
                }
                report("Push", result, Map.of("from", site.format(from), "to", site.format(to), "being_sent_by_other_nodes",
                        claim.busy().size()), given == null);
            }
            return result;
        } finally {
            pushLock.unlock();
        }
    }

    /**
     * Waits while another live process pushes, up to twice the lease time: long enough for the
     * lease of a process that died to fall free and be taken over.
     */
    private PushLease.Hold awaitLease() {
        Instant giveUp = clock.instant().plus(lease.ttl().multipliedBy(2));
        while (true) {
            var held = lease.tryTake();
            if (held.isPresent()) {
                return held.get();
            }
            if (clock.instant().isAfter(giveUp)) {
                throw new ConflictException(null, "Another faceclock process is pushing to Odoo ("
                        + lease.current().map(l -> l.holder() + " since " + l.since()).orElse("it just finished")
                        + "); try again later");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConflictException(null, "Interrupted while waiting for another push to finish");
            }
        }
    }

    /**
     * One-off credentials may name another user or password, not another Odoo: the ids faceclock
     * remembers belong to one Odoo database.
     */
    private OdooConfig checkSameOdoo(OdooConfig given) {
        configs.current().ifPresent(saved -> {
            if (!sameOdoo(saved, given)) {
                throw new ConflictException("url", "faceclock syncs with " + saved.url() + " (database " + saved.db()
                        + "); one-off credentials must be for that same Odoo. To switch, save the new configuration.");
            }
        });
        return given;
    }

    static boolean sameOdoo(OdooConfig a, OdooConfig b) {
        return strip(a.url()).equalsIgnoreCase(strip(b.url())) && a.db().equals(b.db());
    }

    private static String strip(String url) {
        return url.trim().replaceAll("/+$", "");
    }

    /** Sends what the outbox holds; waits with growing pauses while Odoo cannot be reached. */
    public PushResult drainOutbox() {
        PushResult result = new PushResult();
        if (!configured() || !pushLock.tryLock()) {
            return result;
        }
        // no push lease: every node drains, each sending only the rows it claimed
        try (OutboxClaims.Claim claim = claims.claimDue(AttendancePush.BATCH)) {
            Instant now = clock.instant();
            // a record behind an earlier one of the same person that another node holds waits (its claim
            // is released when this one closes): Odoo must see each person's check-out before the next check-in
            Set<Long> waiting = syncStore.behindEarlierOnes(claim.rows().stream()
                    .map(OutboxRow::attendanceId).toList());
            List<OutboxRow> due = claim.rows().stream().filter(r -> !waiting.contains(r.attendanceId())).toList();
            if (due.isEmpty()) {
                return result;
            }
            Map<Long, Outcome> outcomes = push.push(client(requireConfig()), syncStore.byIds(
                    due.stream().map(OutboxRow::attendanceId).toList()), result, true, Progress.unwatched());
            for (OutboxRow row : due) {
                if (outcomes.containsKey(row.attendanceId())) {
                    syncStore.done(row);
                } else {
                    syncStore.retryLater(row, now.plus(backoff(row.attempts())), String.valueOf(result.abortedBy()));
                }
            }
            report("Outbox", result, Map.of("queued", due.size()), true);
            return result;
        } finally {
            pushLock.unlock();
        }
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(3600, 30L << Math.min(attempts, 10));
        return Duration.ofSeconds(seconds);
    }

    /**
     * The odoo block of GET /sync/status: the guide's fields (enabled, configured, url, db, last_sync,
     * last_sync_message, status = configured / not_configured), then faceclock's own.
     */
    public Map<String, Object> status(Map<String, Instant> nextRuns, boolean enabled) {
        Map<String, Object> m = new LinkedHashMap<>();
        var config = configs.current();
        m.put("enabled", enabled && config.isPresent());
        m.put("configured", config.isPresent());
        m.put("url", config.map(OdooConfig::url).orElse(null));
        m.put("db", config.map(OdooConfig::db).orElse(null));
        m.put("last_sync", settings.get(LAST_SYNC).map(t -> site.format(Instant.parse(t))).orElse(null));
        m.put("last_sync_message", settings.get(LAST_MESSAGE).orElse(null));
        m.put("status", config.isPresent() ? "configured" : "not_configured");
        m.put("last_sync_status", config.isEmpty() ? null : settings.get(STATUS).orElse("never_synced"));
        m.put("last_error", settings.get(LAST_ERROR).orElse(null));
        m.put("config_source", config.map(OdooConfig::source).orElse(null));
        m.put("protocol", protocol.value());
        String[] seen = settings.get(SEEN).map(x -> x.split(" ", 2)).orElse(null);
        m.put("server_version", config.isEmpty() || seen == null ? null : seen[0]);
        m.put("transport", config.isEmpty() || seen == null ? null : seen[1]);
        String warning = config.isEmpty() || seen == null ? null
                : OdooProtocol.deprecationWarning(seen[1], ServerVersion.parse(seen[0]), protocol);
        if (warning != null) {
            m.put("warning", warning);
        }
        m.put("outbox_depth", syncStore.depth());
        m.put("oldest_unsent_seconds", syncStore.oldestEnqueued()
                .map(t -> Duration.between(t, clock.instant()).toSeconds()).orElse(null));
        m.put("attendance_sync_states", syncStore.countsByState());
        m.put("push_lease", lease.current().map(this::leaseStatus).orElse(null));
        m.put("outbox_claims", syncStore.claimsByHolder());
        m.put("node_id", lease.nodeId());
        m.put("last_runs", lastRuns());
        Map<String, String> runs = new LinkedHashMap<>();
        nextRuns.forEach((k, v) -> runs.put(k, site.format(v)));
        m.put("next_runs", runs);
        return m;
    }

    private Map<String, Object> leaseStatus(LeaseStore.Lease l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("holder", l.holder());
        m.put("node_id", l.nodeId());
        m.put("pid", l.pid());
        m.put("since", site.format(l.since()));
        m.put("renewed_at", site.format(l.renewedAt()));
        m.put("stale", lease.stale(l));
        return m;
    }

    /** Logs what a push did; only a push with the saved configuration changes the status. */
    private void report(String what, PushResult result, Map<String, Object> extra, boolean updateStatus) {
        Map<String, Object> details = new LinkedHashMap<>(extra);
        details.put("node_id", lease.nodeId());   // in a cluster: which node sent these
        details.put("pushed", result.pushed());
        details.put("updated", result.updated());
        details.put("unchanged", result.unchanged());
        details.put("failed", result.failed());
        details.put("conflicts", result.conflicts());
        details.put("total", result.total());
        details.put("errors", result.errors());
        if (result.abortedBy() != null) {
            if (updateStatus) {
                finish("error", what + ": " + result.message(), result.abortedBy());
            }
            log(LogLevel.ERROR, what + " to Odoo stopped: " + result.abortedBy(), details);
        } else {
            if (updateStatus) {
                finish(result.failed() + result.conflicts() > 0 ? "partial" : "ok", what + ": " + result.message(),
                        null);
            }
            log(result.failed() + result.conflicts() > 0 ? LogLevel.WARNING : LogLevel.INFO,
                    what + ": " + result.message(), details);
        }
    }

    private void finish(String status, String message, String error) {
        Instant now = clock.instant();
        settings.put(STATUS, status, now);
        settings.put(LAST_SYNC, now.toString(), now);
        settings.put(LAST_MESSAGE, message, now);
        if (error != null) {
            settings.put(LAST_ERROR, site.format(now) + " " + error, now);
        } else {
            settings.delete(LAST_ERROR);   // a sync that worked: the last error is history (the audit log keeps it)
        }
    }

    /** Which server and transport the saved configuration reached last, for the status. */
    private void remember(OdooClient client) {
        String seen = client.serverVersion().serverVersion() + " " + client.transport();
        if (!seen.equals(settings.get(SEEN).orElse(null))) {
            settings.put(SEEN, seen, clock.instant());
        }
    }

    private static String transportName(String transport) {
        return "json2".equals(transport) ? "JSON-2" : "XML-RPC";
    }

    /** Which node ran each schedule last, when (site time) and how often: for the status and for health. */
    public Map<String, Object> lastRuns() {
        Map<String, Object> ran = new LinkedHashMap<>();
        scheduleRuns.all().forEach((route, run) -> ran.put(route, Map.of("node_id", run.nodeId(), "at",
                site.format(run.lastRun()), "runs", run.runs())));
        return ran;
    }

    private OdooClient client(OdooConfig config) {
        return OdooClients.of(protocol, configs.connection(config));
    }

    private OdooConfig requireConfig() {
        return configs.current().orElseThrow(() -> new ConflictException(null, "Odoo is not configured: "
                + "POST /api/v1/sync/odoo/config, run `faceclock configure-odoo`, or set FACECLOCK_ODOO_URL"));
    }

    private static String missingRights(String user, boolean seesBadges, boolean readEmployees,
                                        boolean createAttendances, List<String> missing) {
        StringBuilder b = new StringBuilder(", but ").append(user).append(" lacks ")
                .append(String.join(" and ", missing)).append(":");
        if (!readEmployees) {
            b.append(seesBadges ? " cannot read employees" : " Odoo hides the employees' badges from this user, so "
                    + "a pull would key every person by the wrong id");
            b.append(createAttendances ? "." : ";");
        }
        if (!createAttendances) {
            b.append(" cannot create attendances.");
        }
        return b.append(" Give the user these groups in Odoo (Settings > Users).").toString();
    }

    private void log(LogLevel level, String message, Map<String, ?> details) {
        audit.write(AuditLog.ODOO_SYNC, level, message, details);
    }

}
