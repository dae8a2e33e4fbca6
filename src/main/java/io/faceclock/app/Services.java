package io.faceclock.app;

import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.config.Settings;
import io.faceclock.people.PersonService;
import io.faceclock.security.ApiKeys;
import io.faceclock.security.FailedKeyThrottle;
import io.faceclock.store.ApiKeyStore;
import io.faceclock.store.AttendanceStore;
import io.faceclock.store.Database;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PersonStore;
import io.faceclock.store.SettingStore;
import io.faceclock.store.SyncStore;
import io.faceclock.odoo.OdooProtocol;
import io.faceclock.odoo.sync.OdooConfigService;
import io.faceclock.odoo.sync.OdooOutbox;
import io.faceclock.odoo.sync.OdooSchedule;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.security.SecretBox;
import java.time.Clock;
import java.time.Duration;

/** faceclock's services over one database, without HTTP: what the server and the command line share. */
public final class Services implements AutoCloseable {

    private final Settings settings;
    private final Database database;
    private final Jdbc jdbc;
    private final SiteClock siteClock;
    private final AuditLog audit;
    private final PersonStore personStore;
    private final PersonService people;
    private final AttendanceService attendance;
    private final ApiKeys apiKeys;
    private final FailedKeyThrottle throttle;
    private final SettingStore settingStore;
    private final OdooSyncService odooSync;

    private Services(Settings settings, Clock clock) {
        OdooProtocol odooProtocol = OdooProtocol.parse(settings.get(OdooProtocol.SETTING));   // before opening anything
        this.settings = settings;
        this.database = Database.open(settings);
        this.jdbc = new Jdbc(database.dataSource());
        this.siteClock = new SiteClock(settings.zone(), clock);
        this.audit = new AuditLog(jdbc, clock, settings.getInt("faceclock.logs.retention-days", 90));
        this.personStore = new PersonStore(jdbc);
        this.people = new PersonService(jdbc, personStore, audit, clock);
        this.attendance = new AttendanceService(jdbc, personStore, new AttendanceStore(jdbc), siteClock, audit);
        this.apiKeys = new ApiKeys(new ApiKeyStore(jdbc), audit, clock);
        this.throttle = new FailedKeyThrottle(settings.getInt("faceclock.security.failed-key-limit", 10),
                Duration.ofSeconds(settings.getInt("faceclock.security.failed-key-window-seconds", 60)),
                Duration.ofSeconds(settings.getInt("faceclock.security.failed-key-block-seconds", 300)), clock);
        this.settingStore = new SettingStore(jdbc);
        SyncStore syncStore = new SyncStore(jdbc);
        OdooConfigService odooConfigs = new OdooConfigService(settings, settingStore,
                SecretBox.open(System.getenv(SecretBox.ENV), settings.dataDir()), audit, clock, jdbc, syncStore);
        this.odooSync = OdooSyncService.create(odooConfigs, settingStore, syncStore, jdbc, personStore, audit, clock,
                siteClock, odooProtocol);
        if (OdooSchedule.enabled(settings)) {
            attendance.setListener(new OdooOutbox(syncStore, clock));
        }
    }

    public static Services open(Settings settings) {
        return new Services(settings, Clock.systemUTC());
    }

    public Settings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public Jdbc jdbc() {
        return jdbc;
    }

    public SiteClock siteClock() {
        return siteClock;
    }

    public AuditLog audit() {
        return audit;
    }

    public PersonStore personStore() {
        return personStore;
    }

    public PersonService people() {
        return people;
    }

    public AttendanceService attendance() {
        return attendance;
    }

    public ApiKeys apiKeys() {
        return apiKeys;
    }

    public FailedKeyThrottle throttle() {
        return throttle;
    }

    public SettingStore settingStore() {
        return settingStore;
    }

    public OdooSyncService odooSync() {
        return odooSync;
    }

    @Override
    public void close() {
        database.close();
    }
}
