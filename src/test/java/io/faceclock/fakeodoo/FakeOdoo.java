package io.faceclock.fakeodoo;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-process Odoo 18.0 / 19.0 speaking XML-RPC like the recorded transcripts, on a free 127.0.0.1 port.
 * <pre>
 * try (FakeOdoo odoo = FakeOdoo.start(OdooVersion.V18)) {
 *     OdooConnection c = OdooConnection.of(odoo.url(), odoo.db(), "admin", "admin");
 *     ...
 *     assertEquals(1, odoo.calls("common.authenticate"));
 * }
 * </pre>
 */
public final class FakeOdoo implements AutoCloseable {

    public static final String ADMIN_LOGIN = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    public static final int ADMIN_UID = 2;
    /** Groups for {@link #addUser}: Employees / Officer, and Attendances / Officer. */
    public static final String GROUP_HR_OFFICER = Models.HR_USER;
    public static final String GROUP_ATTENDANCE_OFFICER = Models.ATTENDANCE_OFFICER;

    private final OdooVersion version;
    private final HttpServer server;
    private final ExecutorService executor;
    private final FakeClock clock = new FakeClock();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    /** Calls that ran to their end, by the same keys; guarded by itself, notified at each. */
    private final Map<String, Integer> finished = new HashMap<>();
    private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile FakeDb db;
    private volatile Hostile hostile = Hostile.NONE;
    private volatile long hugeResponseBytes = 512L * 1024 * 1024;
    private volatile Path xxeTarget = Path.of("/etc/hostname");

    private final boolean https;

    private FakeOdoo(OdooVersion version, SSLContext tls) throws IOException {
        this(version, tls, 0);
    }

    private FakeOdoo(OdooVersion version, SSLContext tls, int port) throws IOException {
        this.version = version;
        this.https = tls != null;
        InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (tls == null) {
            this.server = HttpServer.create(any, 50);
        } else {
            HttpsServer s = HttpsServer.create(any, 50);
            s.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = s;
        }
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-odoo-" + version);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        RpcHandler rpc = new RpcHandler(this);
        server.createContext("/xmlrpc", rpc);
        server.createContext("/jsonrpc", new JsonRpcHandler(this, rpc));
        server.createContext("/json/2", new Json2Handler(this));
        server.createContext("/web/version", new WebVersionHandler(this));
        server.createContext("/json/version", new WebVersionHandler(this));
        // the demo install happened a little while ago: its newest write_date (admin's, +1 s) is not in the future
        reset(Instant.now().minusSeconds(5));
        server.start();
    }

    public static FakeOdoo start(OdooVersion version) {
        return startHttps(version, null);
    }

    /** On a chosen port: a test can take Odoo down and bring a new one up where faceclock expects it. */
    public static FakeOdoo startOnPort(OdooVersion version, int port) {
        try {
            return new FakeOdoo(version, null, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same over TLS with the given server context (its certificate should name 127.0.0.1). */
    public static FakeOdoo startHttps(OdooVersion version, SSLContext tls) {
        try {
            return new FakeOdoo(version, tls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port on 127.0.0.1 where nothing listens (connection refused). */
    public static int unusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return (https ? "https" : "http") + "://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public OdooVersion version() {
        return version;
    }

    public String db() {
        return db.name;
    }

    public void setDatabaseName(String name) {
        db.name = name;
    }

    public FakeClock clock() {
        return clock;
    }

    /** Back to the freshly installed demo database, data written at seededAt; counters and modes cleared. */
    public void reset(Instant seededAt) {
        FakeDb fresh = new FakeDb(version, version.defaultDb, clock);
        Seed.load(fresh, seededAt);
        db = fresh;
        resetCalls();
        latencies.clear();
        hostile = Hostile.NONE;
    }

    public void reset() {
        reset(clock.now());
    }

    // ---- call counters and latency ----

    /** Calls so far, e.g. "common.authenticate", "object.execute_kw", "hr.employee.search_read". */
    public int calls(String key) {
        AtomicInteger n = counters.get(key);
        return n == null ? 0 : n.get();
    }

    public Map<String, Integer> callCounts() {
        Map<String, Integer> out = new HashMap<>();
        counters.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public void resetCalls() {
        synchronized (finished) {
            counters.clear();
            finished.clear();
        }
    }

    /**
     * Waits until every call of key received so far (e.g. "hr.attendance.create") has run to its end, committed
     * or refused, as Odoo finishes a call whose client gave up waiting; false if that takes longer than within.
     */
    public boolean awaitFinished(String key, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        synchronized (finished) {
            while (finished.getOrDefault(key, 0) < calls(key)) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(finished, left);
            }
            return true;
        }
    }

    /** Adds a delay to every call of key (same keys as {@link #calls}), e.g. ("common.authenticate", 500 ms). */
    public void latency(String key, Duration delay) {
        latencies.put(key, delay);
    }

    // ---- hostile modes ----

    public void hostile(Hostile mode) {
        hostile = mode;
    }

    public void hugeResponseBytes(long bytes) {
        hugeResponseBytes = bytes;
    }

    /** The file the XXE mode's external entity points at. */
    public void xxeTarget(Path file) {
        xxeTarget = file;
    }

    /** Stops listening: from now on connections to {@link #port()} are refused. */
    public void goDown() {
        close();
    }

    // ---- data ----

    /** A user with a password and groups by external id (e.g. "hr.group_hr_user"); returns the uid. */
    public int addUser(String login, String password, String... groupXmlIds) {
        synchronized (db) {
            FakeDb d = db;
            List<Integer> groups = new ArrayList<>(List.of(d.xmlids.get("base.group_user")));
            for (String g : groupXmlIds) {
                groups.add(d.xmlids.get(g));
            }
            int uid = d.table("res.users").reserveId();
            d.addUser(uid, login, login, password, groups, null, clock.now());
            return uid;
        }
    }

    /** hr.attendance without in_mode / out_mode and their browser fields, as before Odoo 17. */
    public void withoutAttendanceModes() {
        synchronized (db) {
            db.models.put("hr.attendance", Models.without(db.models.get("hr.attendance"), Models.ATTENDANCE_MODE_FIELDS));
        }
    }

    /** Adds a group (by external id) to a user, as an administrator does in Settings > Users. */
    @SuppressWarnings("unchecked")
    public void grant(int uid, String groupXmlId) {
        synchronized (db) {
            FakeDb d = db;
            ((List<Integer>) d.table("res.users").get(uid).get(d.usersGroupsField())).add(d.xmlids.get(groupXmlId));
        }
    }

    public void addApiKey(int uid, String key) {
        synchronized (db) {
            db.addApiKey(uid, key);
        }
    }

    /** Stores an employee; values as Odoo stores them (many2one as id, datetimes as Instant). Returns its id. */
    public int addEmployee(Map<String, Object> values) {
        synchronized (db) {
            Table t = db.table("hr.employee");
            Map<String, Object> r = Seed.row(t.reserveId());
            r.put("active", true);
            r.put("employee_type", "employee");
            Instant now = clock.now();
            r.put("create_date", now);
            r.put("write_date", now);
            r.putAll(values);
            t.put(r);
            return (Integer) r.get("id");
        }
    }

    /**
     * Adds count employees "Employee N" (badge "B" + id) whose rows are made on demand, so 50,000 cost
     * nothing until read; all share one write_date. Returns the first id.
     */
    public int addEmployees(int count) {
        synchronized (db) {
            Table t = db.table("hr.employee");
            int first = t.peekNextId();
            Instant at = clock.now();
            t.generate(count, id -> {
                Map<String, Object> r = new HashMap<>();
                r.put("name", "Employee " + id);
                r.put("barcode", "B" + id);
                r.put("work_email", "employee" + id + "@example.com");
                r.put("department_id", 3 + id % 2);
                r.put("job_id", 3);
                r.put("job_title", "Worker");
                r.put("employee_type", "employee");
                r.put("active", true);
                r.put("create_date", at);
                r.put("write_date", at);
                return r;
            });
            return first;
        }
    }

    public int addAttendance(int employeeId, Instant checkIn, Instant checkOut) {
        synchronized (db) {
            Table t = db.table("hr.attendance");
            Map<String, Object> r = Seed.row(t.reserveId());
            r.put("employee_id", employeeId);
            r.put("check_in", checkIn);
            r.put("check_out", checkOut);
            Instant now = clock.now();
            r.put("create_date", now);
            r.put("write_date", now);
            t.put(r);
            return (Integer) r.get("id");
        }
    }

    /** Runs a method as a user, bypassing HTTP (test setup; also replays other transcripts' state changes). */
    public Object execute(int uid, String model, String method, List<Object> args, Map<String, Object> kwargs) {
        synchronized (db) {
            return new Orm(db).execute(uid, model, method, args, kwargs);
        }
    }

    /** Moves a table's id sequence forward (as failed inserts elsewhere would have). */
    public void advanceSequence(String model, int nextId) {
        synchronized (db) {
            db.table(model).setNextId(nextId);
        }
    }

    // ---- for the handler ----

    FakeDb database() {
        return db;
    }

    Hostile hostileMode() {
        return hostile;
    }

    long hugeResponseBytes() {
        return hugeResponseBytes;
    }

    Path xxeTarget() {
        return xxeTarget;
    }

    void count(String key) {
        counters.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    void finished(String key) {
        synchronized (finished) {
            finished.merge(key, 1, Integer::sum);
            finished.notifyAll();
        }
    }

    void pause(String key) {
        Duration d = latencies.get(key);
        if (d != null) {
            RpcHandler.sleep(d);
        }
    }

    /** Waits up to d; true when the fake was stopped meanwhile. */
    boolean stoppedWithin(Duration d) {
        try {
            return stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    void awaitStop() {
        try {
            stopped.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
