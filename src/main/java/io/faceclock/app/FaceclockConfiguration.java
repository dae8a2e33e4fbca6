package io.faceclock.app;

import io.faceclock.api.ApiErrors;
import io.faceclock.api.ApiGuard;
import io.faceclock.api.ApiKeyApi;
import io.faceclock.api.AttendanceApi;
import io.faceclock.api.FaceApi;
import io.faceclock.api.LogApi;
import io.faceclock.api.OdooApi;
import io.faceclock.api.PersonApi;
import io.faceclock.api.EnrolmentApi;
import io.faceclock.api.ReportApi;
import io.faceclock.api.SessionApi;
import io.faceclock.config.PagesSettings;
import io.faceclock.odoo.sync.SyncJobs;
import io.faceclock.store.EnrolmentStore;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import io.faceclock.api.RecognitionApi;
import io.faceclock.api.SyncApi;
import io.faceclock.attendance.AttendanceService;
import io.faceclock.attendance.ForgottenAttendanceCloser;
import io.faceclock.attendance.SiteClock;
import io.faceclock.audit.AuditLog;
import io.faceclock.config.FaceclockSettings;
import io.faceclock.face.FaceGallery;
import io.faceclock.observe.ClusterHealthCheck;
import io.faceclock.observe.DatabaseHealthCheck;
import io.faceclock.observe.FaceEngineHealthCheck;
import io.faceclock.observe.FaceclockHealthCheck;
import io.faceclock.observe.HealthApi;
import io.faceclock.observe.OdooHealthCheck;
import io.faceclock.odoo.sync.OdooConfigService;
import io.faceclock.odoo.sync.OdooOutbox;
import io.faceclock.odoo.sync.OdooSchedule;
import io.faceclock.odoo.sync.OdooSyncService;
import io.faceclock.odoo.sync.PushLease;
import io.faceclock.cluster.ClusteredQuartz;
import io.faceclock.cluster.Node;
import io.faceclock.cluster.ScheduleRuns;
import io.faceclock.store.ScheduleRunStore;
import io.faceclock.store.LeaseStore;
import io.faceclock.people.PersonService;
import io.faceclock.recognition.FaceEngineHolder;
import io.faceclock.recognition.EnrolledPeople;
import io.faceclock.recognition.FaceRegistry;
import io.faceclock.recognition.GalleryFollower;
import io.faceclock.recognition.Recognizer;
import io.faceclock.security.ApiKeys;
import io.faceclock.security.FailedKeyThrottle;
import io.faceclock.security.ObserverKeys;
import io.faceclock.security.SecretBox;
import io.faceclock.store.ApiKeyStore;
import io.faceclock.store.AttendanceStore;
import io.faceclock.store.Database;
import io.faceclock.store.FaceStore;
import io.faceclock.store.Jdbc;
import io.faceclock.store.PeopleChanges;
import io.faceclock.store.PersonStore;
import io.faceclock.store.SettingStore;
import io.faceclock.store.SyncStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.Configuration;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.health.HealthCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * faceclock's beans, made from the typed settings. Camel binds each {@code @BindToRegistry} method's
 * bean under the method's name, the name the routes call it by. Each bean is made once, on first
 * use, so the command line uses the same methods without Camel (and opens only what it needs).
 * The clock is given, so a test can move time instead of sleeping.
 */
@Configuration
public final class FaceclockConfiguration implements CamelConfiguration, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaceclockConfiguration.class);

    private final FaceclockSettings settings;
    private final Clock clock;
    private final Map<String, Object> made = new HashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    public FaceclockConfiguration(FaceclockSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The beans for a command run without Camel, on the system clock. */
    public static FaceclockConfiguration of(io.faceclock.config.Settings settings) {
        return new FaceclockConfiguration(FaceclockSettings.read(settings), Clock.systemUTC());
    }

    public FaceclockSettings settings() {
        return settings;
    }

    @BindToRegistry
    public Clock clock() {
        return clock;
    }

    // --- storage and the domain: what the server and the command line share

    @BindToRegistry
    public Database database() {
        return closing("database", () -> Database.open(settings.database(), settings.site().dataDir()));
    }

    @BindToRegistry
    public Jdbc jdbc() {
        return once("jdbc", () -> new Jdbc(database().dataSource()));
    }

    @BindToRegistry
    public SiteClock siteClock() {
        return once("siteClock", () -> new SiteClock(settings.site().zone(), clock));
    }

    @BindToRegistry
    public AuditLog auditLog() {
        return once("auditLog", () -> new AuditLog(jdbc(), clock, settings.logs().retentionDays()));
    }

    @BindToRegistry
    public PersonStore personStore() {
        return once("personStore", () -> new PersonStore(jdbc()));
    }

    @BindToRegistry
    public PersonService people() {
        return once("people", () -> new PersonService(jdbc(), personStore(), auditLog(), clock));
    }

    @BindToRegistry
    public AttendanceService attendance() {
        return once("attendance", () -> {
            AttendanceService a = new AttendanceService(jdbc(), personStore(), new AttendanceStore(jdbc()), siteClock(),
                    auditLog());
            if (settings.odoo().enabled()) {
                a.setListener(new OdooOutbox(syncStore(), clock));
            }
            return a;
        });
    }

    @BindToRegistry
    public ApiKeys apiKeys() {
        return once("apiKeys", () -> new ApiKeys(new ApiKeyStore(jdbc()), auditLog(), clock));
    }

    @BindToRegistry
    public FailedKeyThrottle failedKeyThrottle() {
        return once("failedKeyThrottle", () -> new FailedKeyThrottle(settings.security().failedKeyLimit(),
                settings.security().failedKeyWindow(), settings.security().failedKeyBlock(), clock));
    }

    @BindToRegistry
    public SettingStore settingStore() {
        return once("settingStore", () -> new SettingStore(jdbc()));
    }

    @BindToRegistry
    public SyncStore syncStore() {
        return once("syncStore", () -> new SyncStore(jdbc()));
    }

    @BindToRegistry
    public OdooSyncService odooSync() {
        return once("odooSync", () -> {
            OdooConfigService configs = new OdooConfigService(settings.odoo(), settingStore(),
                    SecretBox.open(System.getenv(SecretBox.ENV), settings.site().dataDir()), auditLog(), clock, jdbc(),
                    syncStore());
            OdooSyncService sync = OdooSyncService.create(configs, settingStore(), syncStore(), jdbc(), personStore(),
                    pushLease(), auditLog(), clock, siteClock(), settings.odoo().protocol());
            sync.clearOwnStale();
            return sync;
        });
    }

    /** This process among the others on the database (cluster nodes, the command line). */
    public Node node() {
        return once("node", () -> Node.of(settings.cluster().nodeId()));
    }

    public PushLease pushLease() {
        return closing("pushLease", () -> new PushLease(new LeaseStore(jdbc()), node(), clock,
                settings.odoo().pushLease()));
    }

    // --- faces: the engine (down without its models), the gallery of enrolled faces, recognition

    @BindToRegistry
    public FaceEngineHolder faceEngine() {
        return closing("faceEngine", () -> settings.faces().enabled() ? FaceEngineHolder.open(settings.faces().engine())
                : FaceEngineHolder.off());
    }

    @BindToRegistry
    public FaceRegistry faceRegistry() {
        return once("faceRegistry", () -> {
            var spec = settings.faces().engine().embedder();
            GalleryFollower follower = new GalleryFollower(jdbc(), new PeopleChanges(jdbc()), personStore(),
                    new FaceStore(jdbc()), new FaceGallery(spec.modelId(), spec.dimensions()), new EnrolledPeople(
                    id -> jdbc().read(c -> personStore().findById(c, id))));
            FaceRegistry registry = new FaceRegistry(jdbc(), personStore(), new FaceStore(jdbc()), faceEngine(),
                    follower, settings.faces().rule(), settings.faces().engine().thumbnails(),
                    pagesSettings().enoughTemplates(), auditLog(), clock);
            registry.loadGallery();
            people().afterEachChange(follower::follow);
            return registry;
        });
    }

    /** Brings the gallery and its people up to date with other nodes' changes (routes/cluster.yaml). */
    @BindToRegistry
    public GalleryFollower galleryFollower() {
        return faceRegistry().follower();
    }

    @BindToRegistry
    public Recognizer recognizer() {
        return once("recognizer", () -> new Recognizer(faceEngine(), faceRegistry(), personStore(),
                settings.faces().rule()));
    }

    @BindToRegistry
    public ForgottenAttendanceCloser forgottenAttendance() {
        return once("forgottenAttendance", () -> new ForgottenAttendanceCloser(attendance(), settings.attendance()));
    }

    // --- schedules: one Quartz component for every quartz: route, its triggers in the site's zone

    @BindToRegistry
    public QuartzComponent quartz() {
        return once("quartz", () -> {
            // clustered JDBC job store on PostgreSQL (each schedule fires on one node), in memory on H2
            QuartzComponent quartz = new QuartzComponent();
            ClusteredQuartz.configure(quartz, database().dataSource(), database().isPostgres(), node(),
                    settings.cluster().checkIn());
            return quartz;
        });
    }

    /** Records which node ran each quartz: route, and when. */
    public ScheduleRuns scheduleRuns() {
        return once("scheduleRuns", () -> new ScheduleRuns(new ScheduleRunStore(jdbc()), node(), clock));
    }

    @Override
    public void configure(CamelContext camelContext) {
        camelContext.addRoutePolicyFactory(scheduleRuns());
    }

    @BindToRegistry
    public OdooSchedule odooSchedule(CamelContext camel) {
        return once("odooSchedule", () -> new OdooSchedule(odooSync(), siteClock(), settings.odoo(),
                new QuartzNextRuns(camel, OdooSchedule.ROUTES)::nextRuns));
    }

    // --- the HTTP edge: what the routes in routes/*.yaml call

    @BindToRegistry
    public ApiGuard apiGuard() {
        return once("apiGuard", () -> new ApiGuard(apiKeys(), failedKeyThrottle(), auditLog(),
                settings.security().trustedProxies()));
    }

    @BindToRegistry
    public ApiErrors apiErrors() {
        return once("apiErrors", ApiErrors::new);
    }

    @BindToRegistry
    public PersonApi personApi() {
        return once("personApi", () -> new PersonApi(people(), siteClock()));
    }

    @BindToRegistry
    public AttendanceApi attendanceApi() {
        return once("attendanceApi", () -> new AttendanceApi(attendance(), people()));
    }

    @BindToRegistry
    public LogApi logApi() {
        return once("logApi", () -> new LogApi(auditLog(), siteClock()));
    }

    @BindToRegistry
    public SyncApi syncApi(CamelContext camel) {
        return once("syncApi", () -> {
            SyncApi api = new SyncApi();
            api.setOdooStatus(odooSchedule(camel)::status);
            return api;
        });
    }

    @BindToRegistry
    public OdooApi odooApi() {
        return once("odooApi", () -> new OdooApi(odooSync(), siteClock(), syncJobs()));
    }

    /** Pulls and pushes run on these threads, never on the HTTP server's; a synchronous call waits. */
    @BindToRegistry
    public SyncJobs syncJobs() {
        return closing("syncJobs", () -> new SyncJobs(clock));
    }

    /**
     * The Vert.x the HTTP server runs on: a synchronous pull or push waits on its worker while a
     * sync thread works, so a worker may wait as long as a sync can take without "Thread blocked".
     */
    @BindToRegistry
    public VertxOptions vertxOptions() {
        return once("vertxOptions", () -> new VertxOptions().setMaxWorkerExecuteTime(30)
                .setMaxWorkerExecuteTimeUnit(TimeUnit.MINUTES));
    }

    // --- the web pages' own calls: reports, the enrolment list, the session

    public PagesSettings pagesSettings() {
        return once("pagesSettings", () -> PagesSettings.read(settings.raw()));
    }

    @BindToRegistry
    public ReportApi reportApi() {
        return once("reportApi", () -> new ReportApi(attendance(), pagesSettings().reportStartTime()));
    }

    @BindToRegistry
    public EnrolmentApi enrolmentApi() {
        return once("enrolmentApi", () -> new EnrolmentApi(new EnrolmentStore(jdbc()),
                pagesSettings().enoughTemplates()));
    }

    @BindToRegistry
    public SessionApi sessionApi() {
        return once("sessionApi", () -> new SessionApi(settings.site().zone()));
    }

    @BindToRegistry
    public ApiKeyApi apiKeyApi() {
        return once("apiKeyApi", () -> new ApiKeyApi(apiKeys(), siteClock()));
    }

    @BindToRegistry
    public FaceApi faceApi() {
        return once("faceApi", () -> new FaceApi(faceRegistry(), siteClock()));
    }

    @BindToRegistry
    public RecognitionApi recognitionApi() {
        return once("recognitionApi", () -> new RecognitionApi(recognizer(), attendance(), settings.attendance(),
                auditLog()));
    }

    // --- observing: Camel's health checks with faceclock's parts; who may see the details and metrics

    @BindToRegistry
    public ObserverKeys observerKeys() {
        return once("observerKeys", () -> new ObserverKeys(apiKeys(), failedKeyThrottle(), auditLog()));
    }

    @BindToRegistry
    public HealthApi healthApi() {
        return once("healthApi", () -> new HealthApi(observerKeys(), settings.security().trustedProxies()));
    }

    @BindToRegistry
    public HealthCheck databaseHealthCheck(CamelContext camel) {
        return once("databaseHealthCheck", () -> inContext(new DatabaseHealthCheck(database()), camel));
    }

    @BindToRegistry
    public HealthCheck faceEngineHealthCheck(CamelContext camel) {
        return once("faceEngineHealthCheck", () -> inContext(new FaceEngineHealthCheck(faceEngine()), camel));
    }

    @BindToRegistry
    public HealthCheck odooHealthCheck(CamelContext camel) {
        return once("odooHealthCheck", () -> inContext(new OdooHealthCheck(odooSchedule(camel)::status), camel));
    }

    @BindToRegistry
    public HealthCheck clusterHealthCheck(CamelContext camel) {
        return once("clusterHealthCheck", () -> inContext(new ClusterHealthCheck(node().id(),
                odooSync()::lastRuns, galleryFollower()::seen), camel));
    }

    private static HealthCheck inContext(FaceclockHealthCheck check, CamelContext camel) {
        check.setCamelContext(camel);
        return check;
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String name, Supplier<T> make) {
        Object bean = made.get(name);
        if (bean == null) {
            bean = make.get();
            made.put(name, bean);
        }
        return (T) bean;
    }

    private synchronized <T extends AutoCloseable> T closing(String name, Supplier<T> make) {
        boolean first = !made.containsKey(name);
        T bean = once(name, make);
        if (first) {
            toClose.add(bean);
        }
        return bean;
    }

    /** Closes what was opened (the face engine, the database), last opened first. */
    @Override
    public synchronized void close() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                LOG.warn("Closing {}: {}", toClose.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
        toClose.clear();
        made.clear();
    }
}
