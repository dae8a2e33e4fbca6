package io.faceclock.odoo.sync;

import io.faceclock.attendance.SiteClock;
import io.faceclock.config.Settings;
import io.faceclock.errors.DomainException;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Quartz routes in odoo-sync.yaml call. Each run does nothing until Odoo is configured,
 * and a failure is logged (the audit log has the details) rather than thrown at the scheduler.
 */
public final class OdooSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(OdooSchedule.class);
    static final Map<String, String> CRONS = Map.of("pull", "faceclock.odoo.pull-cron",
            "full_pull", "faceclock.odoo.full-pull-cron", "push", "faceclock.odoo.push-cron",
            "outbox", "faceclock.odoo.outbox-cron");

    private final OdooSyncService sync;
    private final SiteClock clock;
    private final Settings settings;
    private final int pushDays;

    public OdooSchedule(OdooSyncService sync, SiteClock clock, Settings settings) {
        this.sync = sync;
        this.clock = clock;
        this.settings = settings;
        this.pushDays = settings.getInt("faceclock.odoo.push-days", 7);
    }

    public boolean enabled() {
        return enabled(settings);
    }

    /** faceclock.odoo.enabled: false keeps the outbox empty and the schedules idle. */
    public static boolean enabled(Settings settings) {
        return !"false".equalsIgnoreCase(settings.get("faceclock.odoo.enabled", "true"));
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
        run("reconciling push", () -> sync.push(null, clock.startOf(today.minusDays(pushDays)),
                clock.startOf(today.plusDays(1)), false));
    }

    public void drainOutbox() {
        run("outbox drain", sync::drainOutbox);
    }

    /** The next time each schedule fires, for /sync/status. */
    public Map<String, Instant> nextRuns() {
        Map<String, Instant> next = new LinkedHashMap<>();
        Date now = Date.from(clock.now());
        CRONS.forEach((name, key) -> {
            try {
                CronExpression cron = new CronExpression(settings.get(key, ""));
                cron.setTimeZone(TimeZone.getTimeZone(clock.zone()));
                Date at = cron.getNextValidTimeAfter(now);
                next.put(name, at == null ? null : at.toInstant());
            } catch (ParseException e) {
                next.put(name, null);
            }
        });
        return next;
    }

    public Map<String, Object> status() {
        return sync.status(nextRuns(), enabled());
    }

    private void run(String what, Runnable work) {
        if (!enabled() || !sync.configured()) {
            return;
        }
        try {
            work.run();
        } catch (DomainException | io.faceclock.odoo.OdooException e) {
            LOG.warn("Scheduled Odoo {} failed: {}", what, e.getMessage());
        }
    }
}
