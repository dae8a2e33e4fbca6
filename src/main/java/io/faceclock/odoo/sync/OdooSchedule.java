package io.faceclock.odoo.sync;

import io.faceclock.attendance.SiteClock;
import io.faceclock.config.OdooSettings;
import io.faceclock.errors.DomainException;
import io.faceclock.odoo.OdooException;
import io.faceclock.store.StoreException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Quartz routes in odoo-sync.yaml call. Each run does nothing until Odoo is configured,
 * and a failure is logged (the audit log has the details) rather than thrown at the scheduler.
 */
public final class OdooSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(OdooSchedule.class);
    /** The schedule routes of odoo-sync.yaml (by id) and their names in /sync/status next_runs. */
    public static final Map<String, String> ROUTES = routes();

    private final OdooSyncService sync;
    private final SiteClock clock;
    private final OdooSettings settings;
    private final Supplier<Map<String, Instant>> nextRuns;

    /** nextRuns: when each of {@link #ROUTES} fires next, as the scheduler knows it. */
    public OdooSchedule(OdooSyncService sync, SiteClock clock, OdooSettings settings,
                        Supplier<Map<String, Instant>> nextRuns) {
        this.sync = sync;
        this.clock = clock;
        this.settings = settings;
        this.nextRuns = nextRuns;
    }

    private static Map<String, String> routes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("odoo-pull-employees", "pull");
        m.put("odoo-full-pull", "full_pull");
        m.put("odoo-reconcile-push", "push");
        m.put("odoo-drain-outbox", "outbox");
        return Collections.unmodifiableMap(m);
    }

    /** faceclock.odoo.enabled: false keeps the outbox empty and the schedules idle. */
    public boolean enabled() {
        return settings.enabled();
    }

    public void pull() {
        run("pull", () -> sync.pull(null, null, false));
    }

    public void fullPull() {
        run("full pull", () -> sync.pull(null, null, true));
    }

    /** Pushes the last push-days site days again: anything the outbox missed is sent now. */
    public void reconcilePush() {
        LocalDate today = clock.today();
        run("reconciling push", () -> sync.push(null, clock.startOf(today.minusDays(settings.pushDays())),
                clock.startOf(today.plusDays(1)), false));
    }

    public void drainOutbox() {
        run("outbox drain", sync::drainOutbox);
    }

    public Map<String, Object> status() {
        return sync.status(nextRuns.get(), enabled());
    }

    private void run(String what, Runnable work) {
        try {
            if (!enabled() || !sync.configured()) {
                return;
            }
            work.run();
        } catch (DomainException | OdooException e) {
            LOG.warn("Scheduled Odoo {} failed: {}", what, e.getMessage());
        } catch (StoreException e) {
            if (!e.isUnavailable()) {
                throw e;
            }
            // the outbox is in the database too: nothing is lost, the next run tries again
            LOG.warn("Scheduled Odoo {} skipped: the database cannot be reached ({})", what, e.getMessage());
        }
    }
}
